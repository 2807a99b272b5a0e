package org.ondes.catalog.live;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.testkit.Await;
import org.ondes.testkit.FakeIcecastMount;
import org.ondes.testkit.FreePorts;
import org.ondes.testkit.ListedStream;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.OndesInstance;
import org.ondes.testkit.SseClient;
import org.ondes.testkit.TestDb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two instances on one database: events ingested on one reach SSE clients of the other (NOTIFY, then polling). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveEventsCrossInstanceIT {
    private static final Duration FEW_SECONDS = Duration.ofSeconds(5);

    TestDb.Schema db;
    OndesInstance a;
    OndesInstance b;
    FakeIcecastMount mount;

    @BeforeAll
    void start() throws Exception {
        db = TestDb.newSchema();
        a = OndesInstance.start(db, FreePorts.next(), Map.of());
        b = OndesInstance.start(db, FreePorts.next(), Map.of());
        mount = new FakeIcecastMount();
    }

    @AfterAll
    void stop() throws Exception {
        mount.close();
        b.close();
        a.close();
    }

    @Test
    void aTouchOnInstanceAReachesAClientOfInstanceBWithinSeconds() {
        OndesApi api = a.api();
        OndesApi.User user = api.newUser();
        ListedStream s = ListedStream.announce(api, user, mount, "Across FM", "/across.ogg");
        try (SseClient onB = SseClient.open(b.baseUrl(), "/api/v1/events?station=" + s.stationId())) {
            long t0 = System.nanoTime();
            assertTrue(s.touch(api, user, "Heard on B", 3).ok());
            onB.await(FEW_SECONDS, "nowPlaying", "Heard on B");
            System.out.printf("cross-instance nowPlaying latency: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        }
    }

    @Test
    void afterItsListenConnectionIsKilledAnInstanceReconnectsAndKeepsDelivering() throws Exception {
        PgNotifyListener listener = b.context().getBean(PgNotifyListener.class);
        int pid = Await.until(FEW_SECONDS, listener::backendPid, p -> p > 0, () -> "no LISTEN connection");
        int connects = listener.connects();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT pg_terminate_backend(?)")) {
            ps.setInt(1, pid);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next() && rs.getBoolean(1), "terminated backend " + pid);
            }
        }
        OndesApi api = a.api();
        OndesApi.User user = api.newUser();
        ListedStream s = ListedStream.announce(api, user, mount, "Reconnect FM", "/reconnect.ogg");
        try (SseClient onB = SseClient.open(b.baseUrl(), "/api/v1/events?station=" + s.stationId())) {
            assertTrue(s.touch(api, user, "Still heard on B", 3).ok());
            onB.await(FEW_SECONDS, "nowPlaying", "Still heard on B");
        }
        Await.until(Duration.ofSeconds(10), listener::connects, n -> n > connects, () -> "connects: " + listener.connects());
        assertNotEquals(pid, listener.backendPid(), "a new LISTEN connection");
    }
}
