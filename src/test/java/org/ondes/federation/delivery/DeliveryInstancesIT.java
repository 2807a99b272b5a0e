package org.ondes.federation.delivery;

import org.junit.jupiter.api.Test;
import org.ondes.federation.ActorUrls;
import org.ondes.testkit.Await;
import org.ondes.testkit.FreePorts;
import org.ondes.testkit.OndesInstance;
import org.ondes.testkit.StubInbox;
import org.ondes.testkit.TestDb;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two Ondes instances working one database's delivery queue: every delivery is sent exactly once. */
class DeliveryInstancesIT {
    private static final int HOSTS = 10;
    private static final int PER_HOST = 20;

    @Test
    void twoInstancesOnOneDatabaseSendEachDeliveryExactlyOnce() throws Exception {
        TestDb.Schema db = TestDb.newSchema();
        int portA = FreePorts.next();
        int portB = FreePorts.next();
        // one public URL for both, as behind a load balancer: either may sign for the instance actor
        Map<String, String> props = Map.of("ondes.public-url", "http://127.0.0.1:" + portA,
                "ondes.federation.allow-private-addresses", "true");
        List<StubInbox> stubs = new ArrayList<>();
        try (OndesInstance a = OndesInstance.start(db, portA, props);
             OndesInstance b = OndesInstance.start(db, portB, props)) {
            for (int h = 0; h < HOSTS; h++) {
                // a little slow, so that both instances find work while the other is sending
                stubs.add(StubInbox.start((path, nth) -> new StubInbox.Answer(202, 20, "")));
            }
            List<String> inboxes = new ArrayList<>();
            for (int i = 0; i < PER_HOST; i++) {
                for (StubInbox stub : stubs) {
                    inboxes.add(stub.url("/users/" + i + "/inbox"));
                }
            }
            String id = "http://127.0.0.1:" + portA + "/activities/" + UUID.randomUUID();
            byte[] body = ("{\"id\":\"" + id + "\",\"type\":\"Create\"}").getBytes(StandardCharsets.UTF_8);
            String signer = a.context().getBean(ActorUrls.class).instanceActor();
            int half = inboxes.size() / 2;
            a.context().getBean(Deliveries.class).enqueue(id, body, signer, inboxes.subList(0, half));
            b.context().getBean(Deliveries.class).enqueue(id, body, signer, inboxes.subList(half, inboxes.size()));

            Await.until(Duration.ofSeconds(60), () -> queued(db), n -> n == 0,
                    () -> "received " + stubs.stream().mapToInt(StubInbox::count).sum() + " of " + inboxes.size());
            Map<String, Integer> counts = new TreeMap<>();
            for (StubInbox stub : stubs) {
                for (StubInbox.Received r : stub.received()) {
                    counts.merge(stub.url(r.requestTarget()), 1, Integer::sum);
                }
            }
            assertEquals(inboxes.size(), counts.size(), "every inbox got it");
            counts.forEach((inbox, n) -> assertEquals(1, n, inbox + " got it " + n + " times"));
            System.out.printf("Attempts: instance A %d, instance B %d%n",
                    a.context().getBean(DeliveryWorker.class).attempts(),
                    b.context().getBean(DeliveryWorker.class).attempts());
        } finally {
            stubs.forEach(StubInbox::close);
        }
    }

    private static long queued(TestDb.Schema db) {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM fed_deliveries")) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
