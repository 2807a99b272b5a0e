package org.ondes.yp;

import org.junit.jupiter.api.Test;
import org.ondes.testkit.FakeIcecastMount;
import org.ondes.testkit.FreePorts;
import org.ondes.testkit.IcecastWire;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.OndesInstance;
import org.ondes.testkit.TestDb;
import org.ondes.testkit.YpReplyHead;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database hiccup of ours must never be answered with {@code YPResponse: 0}: Icecast would back off 2 hours (add)
 * or 20 minutes (touch). The hiccup here is a real one: another connection holds an exclusive lock on the sessions
 * table, so every write times out.
 */
class DatabaseHiccupIT {
    @Test
    void addsAndTouchesDuringAnOutageAreAcceptedAndStoredAfterwards() throws Exception {
        TestDb.Schema db = TestDb.newSchema();
        int port = FreePorts.next();
        try (FakeIcecastMount mount = new FakeIcecastMount();
             OndesInstance ondes = OndesInstance.start(db, port, Map.of())) {
            OndesApi api = ondes.api();
            OndesApi.User user = api.newUser();
            String stableUrl = mount.url("/stable.ogg");
            YpReplyHead stable = YpReplyHead.parse(api.ypRaw(user.ypToken(), IcecastWire.add("Stable FM", "x", stableUrl)));
            assertTrue(stable.ok());
            String url = mount.url("/hiccup.ogg");
            YpReplyHead added;
            try (Connection lock = db.connect()) {
                lock.setAutoCommit(false);
                try (Statement st = lock.createStatement()) {
                    st.execute("LOCK TABLE streams_sessions IN ACCESS EXCLUSIVE MODE");
                }
                long t0 = System.nanoTime();
                added = YpReplyHead.parse(api.ypRaw(user.ypToken(), IcecastWire.add("Hiccup FM", "x", url)));
                long addMillis = (System.nanoTime() - t0) / 1_000_000;
                assertTrue(added.ok(), "add during an outage must not be refused: " + added.raw());
                assertTrue(added.sid() != null && added.sid().matches("[A-F0-9-]{36}"), added.raw());
                assertTrue(addMillis < 6000, "Icecast 2.4 gives up after 6 s; took " + addMillis + " ms");

                YpReplyHead touchNew = YpReplyHead.parse(api.ypRaw(user.ypToken(), IcecastWire.touch(added.sid(), "x", 1)));
                assertTrue(touchNew.ok(), "touch of a deferred add: " + touchNew.raw());
                YpReplyHead touchOld = YpReplyHead.parse(api.ypRaw(user.ypToken(), IcecastWire.touch(stable.sid(), "y", 2)));
                assertTrue(touchOld.ok(), "touch during an outage: " + touchOld.raw());
                lock.rollback();
            }
            // once the database is back, the deferred add is stored under the SID Icecast already holds
            YpReplyHead touch = null;
            for (int i = 0; i < 50; i++) {
                touch = YpReplyHead.parse(api.ypRaw(user.ypToken(), IcecastWire.touch(added.sid(), "Back", 1)));
                if (touch.message().startsWith("Updated server info")) {
                    break;
                }
                Thread.sleep(200);
            }
            assertTrue(touch.ok() && touch.message().startsWith("Updated server info"), touch.raw());
            boolean seen = false;
            for (Object st : api.get("/api/v1/me/stations", user.bearer()).jsonList()) {
                seen |= "Hiccup FM".equals(((Map<?, ?>) st).get("name")) && !((List<?>) ((Map<?, ?>) st).get("sessions")).isEmpty();
            }
            assertTrue(seen, "the deferred add is visible to its owner");
        }
    }
}
