package org.ondes.federation.delivery;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.federation.ActorUrls;
import org.ondes.federation.DomainBlocks;
import org.ondes.federation.keys.ActorKeys;
import org.ondes.federation.signatures.ActorKey;
import org.ondes.federation.signatures.HttpDate;
import org.ondes.federation.signatures.HttpVerifier;
import org.ondes.federation.signatures.ReceivedRequest;
import org.ondes.federation.signatures.RequestHeaders;
import org.ondes.federation.signatures.RsaKeys;
import org.ondes.federation.signatures.Verification;
import org.ondes.testkit.Await;
import org.ondes.testkit.FreePorts;
import org.ondes.testkit.OndesInstance;
import org.ondes.testkit.StubInbox;
import org.ondes.testkit.TestDb;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The delivery queue against real inboxes (stub servers on loopback ports) and a real PostgreSQL: what a receiving
 * server gets (signed bytes, fresh signatures on retries) and what the queue does with each kind of answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveriesIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private TestDb.Schema db;
    private OndesInstance ondes;
    private Deliveries deliveries;
    private InboxGoneRecorder gone;
    private String signer;
    private PublicKey publicKey;
    private final List<AutoCloseable> servers = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        db = TestDb.newSchema();
        int port = FreePorts.next();
        ondes = OndesInstance.start(db, port, Map.of(
                "ondes.public-url", "http://127.0.0.1:" + port,
                "ondes.federation.allow-private-addresses", "true",
                "ondes.federation.delivery.read-timeout-ms", "1000",
                "ondes.test.record-gone", "true"));
        deliveries = ondes.context().getBean(Deliveries.class);
        gone = ondes.context().getBean(InboxGoneRecorder.class);
        signer = ondes.context().getBean(ActorUrls.class).instanceActor();
        publicKey = RsaKeys.parsePublicKey(ondes.context().getBean(ActorKeys.class).instance().publicPem());
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable s : servers) {
            s.close();
        }
        ondes.close();
    }

    private StubInbox stub(StubInbox.Responder responder) {
        StubInbox stub = StubInbox.start(responder);
        servers.add(stub);
        return stub;
    }

    private static String activityId() {
        return "http://127.0.0.1/activities/" + UUID.randomUUID();
    }

    private static byte[] activity(String id) {
        // spacing and escapes no serializer would reproduce: only the stored bytes themselves verify
        return ("{\"@context\": \"https://www.w3.org/ns/activitystreams\",  \"id\": \"" + id
                + "\", \"type\": \"Create\", \"content\": \"Caf\u00e9 \\u2014 live\"}\n").getBytes(StandardCharsets.UTF_8);
    }

    private Verification verify(StubInbox.Received r) {
        HttpVerifier verifier = new HttpVerifier((keyId, refetch) -> keyId.equals(signer + "#main-key")
                ? Optional.of(new ActorKey(publicKey, signer)) : Optional.empty(), Clock.systemUTC());
        return verifier.verify(new ReceivedRequest(r.method(), r.requestTarget(), RequestHeaders.of(r.headers()),
                r.body(), "http"));
    }

    private List<StubInbox.Received> awaitRequests(StubInbox stub, String path, int n) {
        return Await.until(WAIT, () -> stub.received(path), list -> list.size() >= n,
                () -> "requests on " + path + ": " + stub.received() + "; queue: " + queue());
    }

    private void awaitNoRow(String activityId) {
        Await.until(WAIT, () -> rows(activityId), List::isEmpty, () -> "queue: " + queue());
    }

    @Test
    void anInboxGetsTheExactBytesSignedByTheActorAndTheRowGoes() {
        StubInbox stub = stub((path, nth) -> StubInbox.Answer.of(202));
        String id = activityId();
        byte[] body = activity(id);
        deliveries.enqueue(id, body, signer, List.of(stub.url("/users/ana/inbox?from=ondes")));

        StubInbox.Received r = awaitRequests(stub, "/users/ana/inbox", 1).get(0);
        assertEquals("POST", r.method());
        assertEquals("/users/ana/inbox?from=ondes", r.requestTarget());
        assertArrayEquals(body, r.body());
        assertEquals("application/activity+json", r.header("Content-Type"));
        assertEquals(stub.host(), r.header("Host"));
        Verification.Verified v = assertInstanceOf(Verification.Verified.class, verify(r), () -> verify(r).toString());
        assertEquals(signer, v.ownerActorId());
        assertTrue(r.header("User-Agent").startsWith("Ondes/") && r.header("User-Agent").contains(ondes.baseUrl()),
                r.header("User-Agent"));
        awaitNoRow(id);
    }

    @Test
    void deliveriesToOneServerShareItsConnection() {
        StubInbox stub = stub((path, nth) -> StubInbox.Answer.of(202));
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = activityId();
            ids.add(id);
            deliveries.enqueue(id, activity(id), signer, List.of(stub.url("/users/u" + i + "/inbox")));
            awaitRequests(stub, "/users/u" + i + "/inbox", 1);
        }
        List<StubInbox.Received> all = stub.received();
        assertEquals(5, all.size());
        all.forEach(r -> assertEquals("keep-alive", r.header("Connection")));
        assertEquals(1, all.stream().map(StubInbox.Received::clientPort).distinct().count(),
                "one after the other, five deliveries to one server take one connection");
        ids.forEach(this::awaitNoRow);
    }

    @Test
    void aServerErrorIsRetriedLaterWithAFreshDateAndSignature() {
        StubInbox stub = stub((path, nth) -> StubInbox.Answer.of(nth == 1 ? 500 : 202));
        String id = activityId();
        byte[] body = activity(id);
        deliveries.enqueue(id, body, signer, List.of(stub.url("/inbox")));

        StubInbox.Received first = awaitRequests(stub, "/inbox", 1).get(0);
        Map<String, Object> row = Await.until(WAIT, () -> rows(id).get(0), m -> m.get("last_status") != null,
                () -> "queue: " + queue());
        assertEquals(500, row.get("last_status"));
        assertEquals(1, row.get("attempts"));
        Instant next = (Instant) row.get("next_try_at");
        assertTrue(next.isAfter(Instant.now().plusSeconds(15)), "backs off about 30 s, got " + next);

        // the backoff has passed (and so has the second the first attempt was signed in)
        Await.until(WAIT, () -> HttpDate.format(Instant.now()), now -> !now.equals(first.header("Date")), () -> "");
        makeDue(id);
        StubInbox.Received second = awaitRequests(stub, "/inbox", 2).get(1);
        assertArrayEquals(body, second.body());
        assertNotEquals(first.header("Date"), second.header("Date"));
        assertNotEquals(first.header("Signature"), second.header("Signature"));
        assertInstanceOf(Verification.Verified.class, verify(second));
        awaitNoRow(id);
        assertEquals(2, stub.count());
    }

    @Test
    void aGoneInboxIsRemovedAndReported() {
        StubInbox stub = stub((path, nth) -> StubInbox.Answer.of(410));
        String id = activityId();
        String inbox = stub.url("/users/left/inbox");
        deliveries.enqueue(id, activity(id), signer, List.of(inbox));

        Await.until(WAIT, () -> gone.inboxes, list -> list.contains(inbox), () -> "queue: " + queue());
        assertEquals(List.of(), rows(id));
        assertEquals(1, stub.count());
    }

    @Test
    void anInboxNotFoundThreeTimesIsGone() {
        StubInbox stub = stub((path, nth) -> new StubInbox.Answer(404, 0, "Not Found"));
        String id = activityId();
        String inbox = stub.url("/users/moved/inbox");
        deliveries.enqueue(id, activity(id), signer, List.of(inbox));

        for (int n = 1; n <= 2; n++) {
            int attempt = n;
            Map<String, Object> row = Await.until(WAIT, () -> rows(id).get(0),
                    m -> (int) m.get("not_found") == attempt && m.get("leased_until") == null, () -> "queue: " + queue());
            assertEquals(404, row.get("last_status"));
            assertFalse(gone.inboxes.contains(inbox), "not gone after " + n + " 404");
            makeDue(id);
        }
        Await.until(WAIT, () -> gone.inboxes, list -> list.contains(inbox), () -> "queue: " + queue());
        assertEquals(List.of(), rows(id));
        assertEquals(3, stub.count());
    }

    @Test
    void aRefusedDeliveryIsDroppedWithoutRetry() {
        StubInbox stub = stub((path, nth) -> new StubInbox.Answer(400, 0, "Bad request\nwith a second line"));
        String id = activityId();
        String inbox = stub.url("/inbox");
        deliveries.enqueue(id, activity(id), signer, List.of(inbox));

        awaitRequests(stub, "/inbox", 1);
        awaitNoRow(id);
        assertEquals(1, stub.count());
        assertFalse(gone.inboxes.contains(inbox));
    }

    @Test
    void aBlockedDomainIsNeverContacted() {
        StubInbox stub = stub((path, nth) -> StubInbox.Answer.of(202));
        String late = activityId();
        // queued first, blocked before the commit: dropped when its turn comes
        transactions().executeWrite(status -> {
            deliveries.enqueue(late, activity(late), signer, List.of("http://localhost:" + stub.port() + "/late"));
            ondes.context().getBean(DomainBlocks.class).block("localhost", "test", "admin");
            return null;
        });
        awaitNoRow(late);
        // blocked already: never queued
        String early = activityId();
        deliveries.enqueue(early, activity(early), signer, List.of("http://LOCALHOST:" + stub.port() + "/early"));
        assertEquals(List.of(), rows(early));
        assertEquals(0, stub.count(), () -> stub.received().toString());
    }

    @Test
    void anActivityIsQueuedOnlyWhenWhatCausedItCommits() {
        StubInbox stub = stub((path, nth) -> StubInbox.Answer.of(202));
        String id = activityId();
        assertThrows(IllegalStateException.class, () -> transactions().executeWrite(status -> {
            deliveries.enqueue(id, activity(id), signer, List.of(stub.url("/inbox")));
            throw new IllegalStateException("the go-live failed");
        }));
        assertEquals(List.of(), rows(id));
    }

    @Test
    void eachDistinctHttpInboxGetsTheActivityOnce() {
        StubInbox stub = stub((path, nth) -> StubInbox.Answer.of(202));
        String id = activityId();
        transactions().executeWrite(status -> {
            deliveries.enqueue(id, activity(id), signer, List.of(stub.url("/a"), stub.url("/a"), "ftp://127.0.0.1/x",
                    "/relative/inbox", "not a url", stub.url("/b")));
            deliveries.enqueue(id, activity(id), signer, List.of(stub.url("/b")));
            // inside the transaction: what it queued is not visible elsewhere yet
            long queued = ondes.context().getBean(JdbcOperations.class).prepareStatement(
                    "SELECT count(*) FROM fed_deliveries WHERE activity_id = ?", ps -> {
                        ps.setString(1, id);
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            return rs.getLong(1);
                        }
                    });
            assertEquals(2, queued);
            return null;
        });
        awaitRequests(stub, "/a", 1);
        awaitRequests(stub, "/b", 1);
        awaitNoRow(id);
        assertEquals(2, stub.count(), () -> stub.received().toString());
        assertEquals(List.of(), payloads(id), "the second enqueue queued nothing and kept nothing");
    }

    @Test
    void aFanOutStoresTheActivityOnceAndForgetsItWithTheLastDelivery() {
        StubInbox fast = stub(ok());
        StubInbox flaky = stub((path, nth) -> StubInbox.Answer.of(nth == 1 ? 503 : 202));
        String id = activityId();
        byte[] body = activity(id);
        List<String> inboxes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            inboxes.add(fast.url("/users/" + i + "/inbox"));
        }
        inboxes.add(flaky.url("/inbox"));
        deliveries.enqueue(id, body, signer, inboxes);

        List<Map<String, Object>> stored = payloads(id);
        assertEquals(1, stored.size(), "13 inboxes, one copy of the bytes");
        assertArrayEquals(body, (byte[]) stored.get(0).get("body"));
        assertEquals(signer, stored.get(0).get("signer"));
        Await.until(WAIT, fast::count, n -> n == 12, () -> "queue: " + queue());
        Await.until(WAIT, () -> rows(id), r -> r.size() == 1 && r.get(0).get("last_status") != null,
                () -> "queue: " + queue());
        assertEquals(1, payloads(id).size(), "kept while a delivery of it is queued for a retry");

        makeDue(id);
        assertArrayEquals(body, awaitRequests(flaky, "/inbox", 2).get(1).body());
        awaitNoRow(id);
        Await.until(WAIT, () -> payloads(id), List::isEmpty, () -> "payloads: " + payloads(id));
    }

    @Test
    void theSweepRemovesOnlyActivitiesNoDeliveryNeeds() {
        StubInbox stub = stub((path, nth) -> StubInbox.Answer.of(503));
        String queued = activityId();
        deliveries.enqueue(queued, activity(queued), signer, List.of(stub.url("/inbox")));
        String left = activityId(); // as left by two instances settling its last two deliveries at once
        sql("INSERT INTO fed_payloads (activity_id, signer, body) VALUES (?, ?, ?)", left, signer, activity(left));

        ondes.context().getBean(DeliveryWorker.class).sweep();

        assertEquals(List.of(), payloads(left));
        assertEquals(1, payloads(queued).size());
        assertEquals(1, rows(queued).size());
    }

    @Test
    void aHostThatNeverAnswersOpensItsCircuitWhileOtherHostsGetTheirs() throws Exception {
        try (Stall stall = new Stall()) {
            List<StubInbox> healthy = List.of(stub(ok()), stub(ok()), stub(ok()), stub(ok()));
            String id = activityId();
            List<String> inboxes = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                inboxes.add("http://127.0.0.1:" + stall.port() + "/users/" + i + "/inbox");
            }
            for (int i = 0; i < 20; i++) {
                inboxes.add(healthy.get(i % 4).url("/users/" + i + "/inbox"));
            }
            deliveries.enqueue(id, activity(id), signer, inboxes);

            Await.until(WAIT, () -> healthy.stream().mapToInt(StubInbox::count).sum(), n -> n == 20,
                    () -> "stall accepted " + stall.accepted.get() + "; queue: " + queue());
            String host = "127.0.0.1:" + stall.port();
            Map<String, Object> circuit = Await.until(WAIT, () -> host(host), h -> h.get("open_until") != null,
                    () -> "stall accepted " + stall.accepted.get() + "; hosts: " + hosts());
            assertEquals(CircuitRule.THRESHOLD, circuit.get("consecutive_failures"));
            assertTrue(((Instant) circuit.get("open_until")).isAfter(Instant.now().plusSeconds(30)));
            assertEquals(CircuitRule.THRESHOLD, stall.accepted.get(), "one connection per failure, then nothing");
            long untried = rows(id).stream().filter(r -> (int) r.get("attempts") == 0).count();
            assertEquals(10 - CircuitRule.THRESHOLD, untried, () -> "queue: " + queue());
            healthy.forEach(h -> assertEquals(5, h.count()));
        }
    }

    private static StubInbox.Responder ok() {
        return (path, nth) -> StubInbox.Answer.of(202);
    }

    /** A server that accepts connections and never answers. */
    private static final class Stall implements AutoCloseable {
        final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final AtomicInteger accepted = new AtomicInteger();
        final List<Socket> held = new CopyOnWriteArrayList<>();

        Stall() throws IOException {
            Thread t = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        held.add(socket.accept());
                        accepted.incrementAndGet();
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "stall-accept");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : held) {
                s.close();
            }
        }
    }

    private TransactionOperations<?> transactions() {
        return ondes.context().getBean(TransactionOperations.class);
    }

    private void makeDue(String activityId) {
        sql("UPDATE fed_deliveries SET next_try_at = now() WHERE activity_id = ?", activityId);
    }

    private List<Map<String, Object>> rows(String activityId) {
        return sql("SELECT * FROM fed_deliveries WHERE activity_id = ? ORDER BY id", activityId);
    }

    private List<Map<String, Object>> payloads(String activityId) {
        return sql("SELECT * FROM fed_payloads WHERE activity_id = ? ORDER BY id", activityId);
    }

    private List<Map<String, Object>> queue() {
        return sql("SELECT id, inbox, attempts, next_try_at, leased_until, last_status, last_error, not_found "
                + "FROM fed_deliveries ORDER BY id");
    }

    private Map<String, Object> host(String host) {
        List<Map<String, Object>> rows = sql("SELECT * FROM fed_hosts WHERE host = ?", host);
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }

    private List<Map<String, Object>> hosts() {
        return sql("SELECT * FROM fed_hosts ORDER BY host");
    }

    private List<Map<String, Object>> sql(String sql, Object... args) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            if (!ps.execute()) {
                return List.of();
            }
            List<Map<String, Object>> out = new ArrayList<>();
            try (ResultSet rs = ps.getResultSet()) {
                while (rs.next()) {
                    Map<String, Object> row = new HashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        Object v = rs.getObject(i);
                        row.put(rs.getMetaData().getColumnName(i), v instanceof java.sql.Timestamp t ? t.toInstant() : v);
                    }
                    out.add(row);
                }
            }
            return out;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
