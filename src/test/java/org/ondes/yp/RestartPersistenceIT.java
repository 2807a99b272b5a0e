package org.ondes.yp;

import org.junit.jupiter.api.Test;
import org.ondes.testkit.FakeIcecastMount;
import org.ondes.testkit.FreePorts;
import org.ondes.testkit.IcecastWire;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.OndesInstance;
import org.ondes.testkit.TestDb;
import org.ondes.testkit.YpReplyHead;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A restarted Ondes keeps every SID valid, so Icecast's touches simply continue (no 20-minute delisting). */
class RestartPersistenceIT {
    @Test
    void touchesContinueAfterARestartAndTheStreamStaysListed() throws Exception {
        TestDb.Schema db = TestDb.newSchema();
        int port = FreePorts.next();
        try (FakeIcecastMount mount = new FakeIcecastMount()) {
            String url = mount.url("/persist.ogg");
            OndesApi.User user;
            String sid;
            try (OndesInstance first = OndesInstance.start(db, port, Map.of())) {
                OndesApi api = first.api();
                user = api.newUser();
                YpReplyHead added = YpReplyHead.parse(api.ypRaw(user.ypToken(), IcecastWire.add("Persist FM", "x", url)));
                assertTrue(added.ok(), added.raw());
                sid = added.sid();
                awaitListed(api, url);
            }
            try (OndesInstance second = OndesInstance.restart(db, port, Map.of())) {
                OndesApi api = second.api();
                YpReplyHead touch = YpReplyHead.parse(api.ypRaw(user.ypToken(), IcecastWire.touch(sid, "After Restart", 3)));
                assertTrue(touch.ok(), touch.raw());
                assertEquals("Updated server info.", touch.message());
                api.awaitListed(url, m -> "After Restart".equals(m.get("currentSong")));
                String bearer = api.login(user.username(), "correct horse battery");
                assertEquals(200, api.get("/api/v1/me/yp-tokens", bearer).status(), "login tokens survive the restart too");
            }
        }
    }

    static void awaitListed(OndesApi api, String url) throws InterruptedException {
        for (int i = 0; i < 75 && find(api, url) == null; i++) {
            Thread.sleep(200);
        }
        assertTrue(find(api, url) != null, "not listed: " + api.get("/api/v1/streams", null).body());
    }

    static Map<?, ?> find(OndesApi api, String url) {
        return api.listedStream(url);
    }
}
