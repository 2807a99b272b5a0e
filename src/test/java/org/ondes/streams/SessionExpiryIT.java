package org.ondes.streams;

import org.junit.jupiter.api.Test;
import org.ondes.testkit.FreePorts;
import org.ondes.testkit.IcecastWire;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.OndesInstance;
import org.ondes.testkit.TestDb;
import org.ondes.testkit.YpReplyHead;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Expiry is the real cleanup (Icecast sends no remove on shutdown) and must be exact with several instances. */
class SessionExpiryIT {
    @Test
    void twoInstancesOnOneDatabaseExpireEachStaleSessionExactlyOnce() throws Exception {
        TestDb.Schema db = TestDb.newSchema();
        Map<String, String> noJobs = Map.of("ondes.jobs.enabled", "false");
        try (OndesInstance a = OndesInstance.start(db, FreePorts.next(), noJobs);
             OndesInstance b = OndesInstance.start(db, FreePorts.next(), noJobs)) {
            OndesApi api = a.api();
            OndesApi.User user = api.newUser();
            int n = 300;
            List<String> sids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                YpReplyHead r = YpReplyHead.parse(api.ypRaw(user.ypToken(),
                        IcecastWire.add("Mount " + i, "x", "http://127.0.0.1:9/m" + i + ".ogg")));
                assertTrue(r.ok(), r.raw());
                sids.add(r.sid());
            }
            YpReplyHead fresh = YpReplyHead.parse(api.ypRaw(user.ypToken(), IcecastWire.add("Fresh", "x", "http://127.0.0.1:9/fresh.ogg")));
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE streams_sessions SET last_touch_at = now() - interval '1 hour' WHERE sid <> '" + fresh.sid() + "'");
            }
            SessionExpiryJob jobA = a.context().getBean(SessionExpiryJob.class);
            SessionExpiryJob jobB = b.context().getBean(SessionExpiryJob.class);
            CyclicBarrier together = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            Callable<Integer> runA = () -> {
                together.await();
                return jobA.runOnce();
            };
            Callable<Integer> runB = () -> {
                together.await();
                return jobB.runOnce();
            };
            Future<Integer> fa = pool.submit(runA);
            Future<Integer> fb = pool.submit(runB);
            int expired = fa.get() + fb.get();
            pool.shutdown();
            assertEquals(n, expired, "each stale session expired once across both instances");
            try (Connection c = db.connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FILTER (WHERE end_reason = 'expired'), count(*) FILTER (WHERE ended_at IS NULL) FROM streams_sessions")) {
                rs.next();
                assertEquals(n, rs.getInt(1));
                assertEquals(1, rs.getInt(2), "the recently touched session stays live");
            }
            YpReplyHead late = YpReplyHead.parse(b.api().ypRaw(user.ypToken(), IcecastWire.touch(sids.get(0), "x", 0)));
            assertFalse(late.ok());
            assertTrue(late.message().contains("expired"), late.message());
            assertTrue(YpReplyHead.parse(b.api().ypRaw(user.ypToken(), IcecastWire.touch(fresh.sid(), "x", 0))).ok());
        }
    }
}
