package org.ondes.federation;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.federation.signatures.HttpSigner;
import org.ondes.federation.signatures.SigningKey;
import org.ondes.federation.signatures.StubActor;
import org.ondes.testkit.Await;
import org.ondes.testkit.FakeIcecastMount;
import org.ondes.testkit.FedifyPeer;
import org.ondes.testkit.FreePorts;
import org.ondes.testkit.ListedStream;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.OndesInstance;
import org.ondes.testkit.TestDb;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The inboxes against a real, independent ActivityPub implementation (a Fedify 2.3.6 peer) and against hostile
 * requests: follows and unfollows of a station arrive signed, verified and recorded with either of Fedify's first
 * knocks; bad signatures, wrong digests, stale dates, a signer speaking for another actor, oversize bodies, replays,
 * activity ids on another host and blocked domains are refused with the right status and change nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FederationInboxIT {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    TestDb.Schema db;
    OndesInstance ondes;
    OndesApi api;
    FakeIcecastMount mount;
    StubActor stub;
    String stationId;
    String actor;

    @BeforeAll
    void start() throws Exception {
        db = TestDb.newSchema();
        int port = FreePorts.next();
        ondes = OndesInstance.start(db, port, Map.of("ondes.public-url", "http://127.0.0.1:" + port,
                "ondes.federation.allow-private-addresses", "true"));
        api = ondes.api();
        mount = new FakeIcecastMount();
        ListedStream s = ListedStream.announce(api, api.newUser(), mount, "Inbox FM", "/" + UUID.randomUUID() + ".ogg");
        stationId = s.stationId();
        actor = ondes.baseUrl() + "/stations/" + stationId;
        stub = new StubActor(true);
    }

    @AfterAll
    void stop() throws Exception {
        stub.close();
        mount.close();
        ondes.close();
    }

    private long followers() {
        Map<String, Object> c = api.send("GET", "/stations/" + stationId + "/followers", null, null,
                Map.of("Accept", "application/activity+json")).json();
        return ((Number) c.get("totalItems")).longValue();
    }

    private void followAndUnfollowFrom(FedifyPeer.FirstKnock knock) {
        try (FedifyPeer peer = FedifyPeer.start("fan" + knock.name().toLowerCase().replace('_', '-'), knock)) {
            long before = followers();
            String followId = peer.follow(actor);
            Await.until(Duration.ofSeconds(20), this::followers, n -> n == before + 1,
                    () -> "the follow was not recorded; peer log:\n" + peer.log());
            Map<String, Object> accept = Await.until(Duration.ofSeconds(20), () -> peer.received().stream()
                            .filter(a -> "Accept".equals(a.get("type"))).findFirst().orElse(null), a -> a != null,
                    () -> "no Accept reached the peer; its inbox saw " + peer.raw() + "\nlog:\n" + peer.log());
            assertEquals(actor, accept.get("actor"), "accepted by the station it followed");
            Object object = accept.get("object");
            String accepted = object instanceof Map<?, ?> m ? (String) m.get("id") : (String) object;
            assertEquals(followId, accepted, "the Accept embeds the peer's own Follow");
            peer.unfollow(actor);
            Await.until(Duration.ofSeconds(20), this::followers, n -> n == before,
                    () -> "the unfollow was not recorded; peer log:\n" + peer.log());
        }
    }

    @Test
    void aFedifyPeerFollowsAndUnfollowsAStationWithItsDefaultRfc9421Knock() {
        followAndUnfollowFrom(FedifyPeer.FirstKnock.RFC9421);
    }

    @Test
    void aFedifyPeerFollowsAndUnfollowsAStationWithDraftCavageSignatures() {
        followAndUnfollowFrom(FedifyPeer.FirstKnock.DRAFT_CAVAGE);
    }

    // --- hostile requests, signed by a stub actor on loopback ---

    private String follow(String id, String as) {
        return "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"" + id + "\",\"type\":\"Follow\","
                + "\"actor\":\"" + as + "\",\"object\":\"" + actor + "\"}";
    }

    private String newId() {
        return stub.base() + "/activities/" + UUID.randomUUID();
    }

    private HttpResponse<String> post(String path, byte[] body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(ondes.baseUrl() + path)).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::setHeader);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> signedPost(String path, String json, SigningKey key, Clock clock) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        URI uri = URI.create(ondes.baseUrl() + path);
        return post(path, body, new HttpSigner(clock).post(uri, "application/activity+json", body, key).headers());
    }

    private HttpResponse<String> signedPost(String path, String json) throws Exception {
        return signedPost(path, json, stub.signingKey(), Clock.systemUTC());
    }

    private long inboxRows(String activityId) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM fed_inbox WHERE activity_id = '"
                     + activityId.replace("'", "''") + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aProperlySignedFollowIsAcceptedOnceEvenWhenReplayed() throws Exception {
        String id = newId();
        long before = followers();
        HttpResponse<String> first = signedPost("/stations/" + stationId + "/inbox", follow(id, stub.actorId()));
        assertEquals(202, first.statusCode(), first.body());
        HttpResponse<String> replay = signedPost("/inbox", follow(id, stub.actorId()));
        assertEquals(202, replay.statusCode(), "a duplicate (shared inbox, retry) is answered like the first");
        assertEquals(1, inboxRows(id), "stored once");
        Await.until(Duration.ofSeconds(10), this::followers, n -> n == before + 1, () -> "follow not recorded");
        String undo = "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"" + newId() + "\","
                + "\"type\":\"Undo\",\"actor\":\"" + stub.actorId() + "\",\"object\":\"" + id + "\"}";
        assertEquals(202, signedPost("/inbox", undo).statusCode());
        Await.until(Duration.ofSeconds(10), this::followers, n -> n == before, () -> "undo by follow id not applied");
    }

    @Test
    void badSignaturesAreRefusedWith401AndStoreNothing() throws Exception {
        String path = "/stations/" + stationId + "/inbox";
        // unsigned
        String id = newId();
        HttpResponse<String> unsigned = post(path, follow(id, stub.actorId()).getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/activity+json"));
        assertEquals(401, unsigned.statusCode(), unsigned.body());
        assertTrue(unsigned.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        // signed by a key that is not the stub's
        SigningKey stranger = new SigningKey(stub.actorId() + "#main-key",
                org.ondes.federation.signatures.RsaKeys.generate().getPrivate());
        assertEquals(401, signedPost(path, follow(newId(), stub.actorId()), stranger, Clock.systemUTC()).statusCode());
        // a Date two hours old
        Clock stale = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
        HttpResponse<String> old = signedPost(path, follow(newId(), stub.actorId()), stub.signingKey(), stale);
        assertEquals(401, old.statusCode());
        assertTrue(old.body().toLowerCase().contains("date") || old.body().contains("hour"), old.body());
        // the body changed after signing: the Digest no longer matches
        byte[] signedBody = follow(newId(), stub.actorId()).getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new HttpSigner(Clock.systemUTC()).post(URI.create(ondes.baseUrl() + path),
                "application/activity+json", signedBody, stub.signingKey()).headers();
        HttpResponse<String> tampered = post(path, follow(id, stub.actorId()).getBytes(StandardCharsets.UTF_8), headers);
        assertEquals(401, tampered.statusCode(), tampered.body());
        assertEquals(0, inboxRows(id), "nothing refused was stored");
    }

    @Test
    void aSignerCannotSpeakForAnotherActorOrMintIdsOnAnotherHost() throws Exception {
        String path = "/inbox";
        String forged = newId();
        HttpResponse<String> other = signedPost(path, follow(forged, "http://127.0.0.1:9/users/victim"));
        assertEquals(401, other.statusCode(), other.body());
        assertTrue(other.body().contains("victim"), "the refusal says whose activity it claimed to be: " + other.body());
        String elsewhere = "http://127.0.0.1:9/activities/" + UUID.randomUUID();
        HttpResponse<String> foreignId = signedPost(path, follow(elsewhere, stub.actorId()));
        assertEquals(400, foreignId.statusCode(), foreignId.body());
        assertEquals(0, inboxRows(forged) + inboxRows(elsewhere));
    }

    @Test
    void malformedAndOversizeBodiesAreClearErrors() throws Exception {
        assertEquals(400, signedPost("/inbox", "[1,2,3]").statusCode());
        assertEquals(400, signedPost("/inbox", "{\"type\":\"Follow\"}").statusCode(), "no id, no actor");
        assertEquals(400, signedPost("/inbox", "not json").statusCode());
        byte[] huge = ("{\"id\":\"" + newId() + "\",\"pad\":\"" + "x".repeat(1_100_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> big = post("/inbox", huge, Map.of("Content-Type", "application/activity+json"));
        assertEquals(413, big.statusCode());
        assertEquals(404, signedPost("/stations/" + UUID.randomUUID() + "/inbox",
                follow(newId(), stub.actorId())).statusCode());
    }

    @Test
    void aBlockedDomainIsRefusedWith403BeforeAnyKeyIsFetched() throws Exception {
        ondes.context().getBean(DomainBlocks.class).block("127.0.0.2", "test", "test");
        try {
            String id = "http://127.0.0.2:9/activities/" + UUID.randomUUID();
            HttpResponse<String> r = signedPost("/inbox", "{\"id\":\"" + id + "\",\"type\":\"Follow\","
                    + "\"actor\":\"http://127.0.0.2:9/users/x\",\"object\":\"" + actor + "\"}");
            assertEquals(403, r.statusCode(), r.body());
            assertEquals(0, inboxRows(id));
        } finally {
            ondes.context().getBean(DomainBlocks.class).unblock("127.0.0.2");
        }
    }
}
