package org.ondes.yp;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.testkit.FakeIcecastMount;
import org.ondes.testkit.FreePorts;
import org.ondes.testkit.IcecastWire;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.OndesInstance;
import org.ondes.testkit.TestDb;
import org.ondes.testkit.YpReplyHead;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The YP endpoint's limits as Icecast sees them: every refusal is a well-formed YP reply that names the limit. The
 * instance trusts 127.0.0.1 as a proxy, so each test speaks for its own client address through X-Forwarded-For.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class YpLimitsIT {
    private static final String UNKNOWN = "Zz0123456789abcdefghijklmnopqrstuvwxyzABCDE"; // 43 characters, as real tokens
    TestDb.Schema db;
    OndesInstance ondes;
    OndesApi api;
    FakeIcecastMount mount;

    @BeforeAll
    void start() throws Exception {
        db = TestDb.newSchema();
        ondes = OndesInstance.start(db, FreePorts.next(), Map.of(
                "ondes.trusted-proxies", "127.0.0.1",
                "ondes.limits.yp-adds-per-minute", "4",
                "ondes.limits.yp-live-sessions", "2",
                "ondes.limits.yp-invalid-tokens-per-hour", "3"));
        api = ondes.api();
        mount = new FakeIcecastMount();
    }

    @AfterAll
    void stop() throws Exception {
        mount.close();
        ondes.close();
    }

    private YpReplyHead yp(String token, byte[] body, String client) {
        return YpReplyHead.parse(api.ypRaw(token, body, Map.of("X-Forwarded-For", client)));
    }

    private static String unknownToken(int i) {
        return UNKNOWN.substring(0, UNKNOWN.length() - 2) + String.format("%02d", i);
    }

    @Test
    void addsPerTokenBeyondTheLimitAreRefusedSayingSo() {
        OndesApi.User user = api.newUser();
        OndesApi.User other = api.newUser();
        byte[] add = IcecastWire.add("Busy FM", "test", mount.url("/busy.ogg"));
        for (int i = 1; i <= 4; i++) {
            YpReplyHead ok = yp(user.ypToken(), add, "203.0.113.10");
            assertTrue(ok.ok(), "add " + i + ": " + ok.raw());
        }
        YpReplyHead fifth = yp(user.ypToken(), add, "203.0.113.10");
        assertFalse(fifth.ok(), fifth.raw());
        assertTrue(fifth.raw().contains("\r\nYPResponse: 0\r\n"), fifth.raw());
        assertTrue(fifth.message().startsWith("Add refused. Reason: too many adds with this YP token (more than 4 a minute)"),
                fifth.message());
        assertEquals("-1", fifth.sid());
        assertNotNull(fifth.headers().get("TouchFreq"));
        assertTrue(yp(other.ypToken(), IcecastWire.add("Calm FM", "test", mount.url("/calm.ogg")), "203.0.113.10").ok(),
                "the limit is per token");
    }

    @Test
    void liveStreamsPerTokenAreCountedAtAddTime() {
        OndesApi.User user = api.newUser();
        assertTrue(yp(user.ypToken(), IcecastWire.add("One", "test", mount.url("/one.ogg")), "203.0.113.20").ok());
        assertTrue(yp(user.ypToken(), IcecastWire.add("Two", "test", mount.url("/two.ogg")), "203.0.113.20").ok());
        YpReplyHead third = yp(user.ypToken(), IcecastWire.add("Three", "test", mount.url("/three.ogg")), "203.0.113.20");
        assertFalse(third.ok(), third.raw());
        assertEquals("Add refused. Reason: this YP token already has 2 live streams, the most the directory allows per "
                + "token; end one first (or ask the directory's operator)", third.message());
        assertEquals(null, api.ownSession(user.bearer(), mount.url("/three.ogg")), "nothing was stored");
        assertTrue(yp(user.ypToken(), IcecastWire.add("Two again", "test", mount.url("/two.ogg")), "203.0.113.20").ok(),
                "an add that replaces a live stream of the same listen URL does not add one");
    }

    @Test
    void simultaneousAddsCannotTogetherExceedTheLiveStreamLimit() throws Exception {
        OndesApi.User user = api.newUser();
        int n = 4; // the adds-per-minute limit of this instance: every add gets as far as the live-stream count
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(n);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            java.util.List<java.util.concurrent.Future<YpReplyHead>> replies = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                String path = "/race" + i + ".ogg";
                replies.add(pool.submit(() -> {
                    start.await();
                    return yp(user.ypToken(), IcecastWire.add("Race " + path, "test", mount.url(path)), "203.0.113.21");
                }));
            }
            int accepted = 0;
            for (java.util.concurrent.Future<YpReplyHead> reply : replies) {
                YpReplyHead head = reply.get();
                if (head.ok()) {
                    accepted++;
                } else {
                    assertTrue(head.message().contains("already has 2 live streams"), head.raw());
                }
            }
            assertEquals(2, accepted, "exactly the limit's worth of simultaneous adds is accepted");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unusableTokensFromOneAddressAreCutOffBeforeAnyTokenLookup() throws Exception {
        for (int i = 1; i <= 3; i++) {
            YpReplyHead refused = yp(unknownToken(i), IcecastWire.touch("ABC", "x", 1), "203.0.113.30");
            assertTrue(refused.message().startsWith("unknown YP token"), refused.raw());
        }
        YpReplyHead cut = yp(unknownToken(4), IcecastWire.add("Spam", "test", mount.url("/spam.ogg")), "203.0.113.30");
        assertTrue(cut.raw().startsWith("HTTP/1.1 200 OK\r\n"), cut.raw());
        assertTrue(cut.raw().contains("\r\nYPResponse: 0\r\n"), cut.raw());
        assertTrue(cut.message().startsWith("Add refused. Reason: too many requests with unknown or revoked YP tokens "
                + "from your address (more than 3 an hour); the directory ignores them for "), cut.message());
        assertTrue(Integer.parseInt(cut.headers().get("TouchFreq")) >= 30, cut.raw());
        assertTrue(yp(unknownToken(5), IcecastWire.touch("ABC", "x", 1), "203.0.113.31").message()
                .startsWith("unknown YP token"), "another address is not affected");

        // The refusal does not read the tokens table: with it locked, the answer still comes at once.
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("LOCK TABLE yp_tokens IN ACCESS EXCLUSIVE MODE");
            YpReplyHead locked = yp(unknownToken(6), IcecastWire.remove("ABC"), "203.0.113.30");
            assertTrue(locked.message().startsWith("too many requests with unknown or revoked YP tokens"), locked.raw());
            c.rollback();
        }
    }

    @Test
    void touchesOfAKnownTokenGoOnFromAnAddressThatWasCutOff() {
        OndesApi.User user = api.newUser();
        YpReplyHead added = yp(user.ypToken(), IcecastWire.add("Shared host FM", "test", mount.url("/shared.ogg")),
                "203.0.113.40");
        assertTrue(added.ok(), added.raw());
        for (int i = 11; i <= 14; i++) {
            yp(unknownToken(i), IcecastWire.touch("ABC", "x", 1), "203.0.113.40");
        }
        assertTrue(yp(unknownToken(15), IcecastWire.touch("ABC", "x", 1), "203.0.113.40").message().startsWith("too many"));
        YpReplyHead touched = yp(user.ypToken(), IcecastWire.touch(added.sid(), "Artist - Title", 3), "203.0.113.40");
        assertTrue(touched.ok(), touched.raw());
    }
}
