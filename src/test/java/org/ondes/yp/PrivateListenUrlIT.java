package org.ondes.yp;

import org.junit.jupiter.api.Test;
import org.ondes.testkit.FreePorts;
import org.ondes.testkit.IcecastWire;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.OndesInstance;
import org.ondes.testkit.TestDb;
import org.ondes.testkit.YpReplyHead;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With the production default, listen URLs listeners could never reach are refused at add time, on the wire. */
class PrivateListenUrlIT {
    @Test
    void loopbackPrivateAndLocalNamesAreRefusedWithAdviceAboutHostname() {
        try (OndesInstance ondes = OndesInstance.start(TestDb.newSchema(), FreePorts.next(),
                Map.of("ondes.allow-private-listen-urls", "false"))) {
            OndesApi api = ondes.api();
            OndesApi.User user = api.newUser();
            Map<String, String> cases = Map.of(
                    "http://127.0.0.1:8000/live.ogg", "loopback",
                    "http://10.1.2.3:8000/live.ogg", "private",
                    "http://192.168.0.10:8000/live.ogg", "private",
                    "http://[::1]:8000/live.ogg", "loopback",
                    "http://localhost:8000/live.ogg", "localhost");
            cases.forEach((url, word) -> {
                YpReplyHead r = YpReplyHead.parse(api.ypRaw(user.ypToken(), IcecastWire.add("Private Radio", "x", url)));
                assertFalse(r.ok(), r.raw());
                assertEquals("-1", r.sid());
                assertTrue(r.message().startsWith("Add refused. Reason: listen URL not reachable by listeners"), r.message());
                assertTrue(r.message().toLowerCase().contains(word), url + " -> " + r.message());
                assertTrue(r.message().contains("<hostname>"), r.message());
            });
            assertEquals(0, api.get("/api/v1/me/stations", user.bearer()).jsonList().size(), "nothing was stored");
        }
    }
}
