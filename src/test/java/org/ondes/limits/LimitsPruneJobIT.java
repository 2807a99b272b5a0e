package org.ondes.limits;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.testkit.TestDb;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Counters and sign-in failures leave the database once no window or wait needs them, and not before. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LimitsPruneJobIT implements TestPropertyProvider {
    private final TestDb.Schema db = TestDb.newSchema();
    @Inject
    LimitsPruneJob job;
    @Inject
    Limits limits;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(db.properties());
        p.put("ondes.jobs.enabled", "false");
        p.put("ondes.limits.signups-per-hour", "5");
        p.put("ondes.limits.login-failures", "1");
        return p;
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void onlyWhatNoWindowOrWaitNeedsIsDeleted() throws Exception {
        ClientAddress client = ClientAddress.of("192.0.2.44");
        assertTrue(limits.acquire(Limit.SIGNUPS, client.limitKey()).allowed());
        limits.signInFailed(client);
        limits.signInFailed(client);
        assertFalse(limits.signInAllowed(client).allowed(), "the second failure imposes a wait");
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO limits_counters (bucket, window_start, hits, expires_at) "
                    + "VALUES ('signups:192.0.2.45', now() - interval '3 hours', 7, now() - interval '1 hour')");
            st.execute("INSERT INTO limits_login_failures (bucket, failures, last_failure_at, blocked_until, expires_at) "
                    + "VALUES ('login:192.0.2.46', 9, now() - interval '2 hours', now() - interval '1 hour', now() - interval '1 minute'),"
                    + " ('login:192.0.2.47', 20, now() - interval '2 hours', now() + interval '1 hour', now() - interval '1 minute')");

            assertEquals(2, job.runOnce());

            assertEquals(0, count(st, "SELECT count(*) FROM limits_counters WHERE bucket = 'signups:192.0.2.45'"));
            assertEquals(1, count(st, "SELECT count(*) FROM limits_counters WHERE bucket = 'signups:192.0.2.44'"));
            assertEquals(0, count(st, "SELECT count(*) FROM limits_login_failures WHERE bucket = 'login:192.0.2.46'"));
            assertEquals(1, count(st, "SELECT count(*) FROM limits_login_failures WHERE bucket = 'login:192.0.2.47'"),
                    "a wait that is not over yet stays");
            assertEquals(1, count(st, "SELECT count(*) FROM limits_login_failures WHERE bucket = 'login:192.0.2.44'"));
        }
    }
}
