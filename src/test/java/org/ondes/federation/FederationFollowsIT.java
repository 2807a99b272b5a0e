package org.ondes.federation;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.testkit.Await;
import org.ondes.testkit.FedifyPeer;
import org.ondes.testkit.FreePorts;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.OndesInstance;
import org.ondes.testkit.TestDb;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An admin of instance B follows instance A by its domain (NodeInfo check → instance actor → signed Follow through
 * the delivery queue); A records B as a catalog follower and accepts; B shows the follow accepted; unfollowing sends
 * an Undo that A applies. The same API follows an actor on another kind of server (a Fedify peer).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FederationFollowsIT {
    static final String FOLLOWING = "/api/v1/admin/federation/following";
    OndesInstance a;
    OndesInstance b;
    OndesApi.User adminA;
    OndesApi.User adminB;
    FedifyPeer peer;

    static OndesInstance instance() {
        int port = FreePorts.next();
        return OndesInstance.start(TestDb.newSchema(), port, Map.of("ondes.public-url", "http://127.0.0.1:" + port,
                "ondes.federation.allow-private-addresses", "true"));
    }

    @BeforeAll
    void start() throws Exception {
        a = instance();
        b = instance();
        adminA = a.api().newUser();
        adminB = b.api().newUser();
        peer = FedifyPeer.start("followed", FedifyPeer.FirstKnock.DRAFT_CAVAGE);
    }

    @AfterAll
    void stop() throws Exception { // fields stay null when a start failed or the peer skipped
        if (peer != null) {
            peer.close();
        }
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    private String state(long id) {
        return b.api().get(FOLLOWING, adminB.bearer()).jsonList().stream().map(o -> (Map<?, ?>) o)
                .filter(f -> ((Number) f.get("id")).longValue() == id).map(f -> (String) f.get("state"))
                .findFirst().orElse("gone");
    }

    private long count(OndesInstance on, String path) {
        return ((Number) on.api().send("GET", path, null, null, Map.of("Accept", "application/activity+json"))
                .json().get("totalItems")).longValue();
    }

    @Test
    void anInstanceFollowsAnotherByDomainAndTheFollowIsAcceptedThenUndone() {
        OndesApi.Response r = b.api().send("POST", FOLLOWING, adminB.bearer(),
                "{\"target\": \"127.0.0.1:" + a.port() + "\"}");
        assertEquals(201, r.status(), r.body());
        long id = ((Number) r.json().get("id")).longValue();
        assertEquals(a.baseUrl() + "/actor", r.json().get("actor"));
        Await.until(Duration.ofSeconds(20), () -> state(id), "accepted"::equals, () -> "B's follow never accepted");
        assertEquals(1, count(a, "/actor/followers"));
        assertEquals(1, count(b, "/actor/following"));
        List<Object> followersOfA = a.api().get("/api/v1/admin/federation/followers", adminA.bearer()).jsonList();
        Map<?, ?> follower = (Map<?, ?>) followersOfA.get(0);
        assertEquals(b.baseUrl() + "/actor", follower.get("actor"));
        assertEquals(true, follower.get("ondesCatalog"), "who follows the instance actor wants the catalog");

        OndesApi.Response again = b.api().send("POST", FOLLOWING, adminB.bearer(),
                "{\"target\": \"127.0.0.1:" + a.port() + "\"}");
        assertEquals(200, again.status(), "following again answers the existing follow");
        assertEquals(id, ((Number) again.json().get("id")).longValue());

        assertEquals(204, b.api().send("DELETE", FOLLOWING + "/" + id, adminB.bearer(), null).status());
        assertEquals("gone", state(id));
        Await.until(Duration.ofSeconds(20), () -> count(a, "/actor/followers"), n -> n == 0,
                () -> "A never applied the Undo");
        String audit = b.api().get("/api/v1/admin/audit?limit=20", adminB.bearer()).body();
        assertTrue(audit.contains("follow_instance") && audit.contains("unfollow_instance"), audit);
    }

    @Test
    void anActorOnAnotherKindOfServerIsFollowedByItsUrl() {
        OndesApi.Response r = b.api().send("POST", FOLLOWING, adminB.bearer(),
                "{\"target\": \"" + peer.actorUrl() + "\"}");
        assertEquals(201, r.status(), r.body());
        long id = ((Number) r.json().get("id")).longValue();
        Await.until(Duration.ofSeconds(20), () -> state(id), "accepted"::equals,
                () -> "the peer never accepted; its log:\n" + peer.log());
        assertTrue(peer.received().stream().anyMatch(x -> "Follow".equals(x.get("type"))));
        assertEquals(204, b.api().send("DELETE", FOLLOWING + "/" + id, adminB.bearer(), null).status());
        Await.until(Duration.ofSeconds(20), () -> peer.received().stream().anyMatch(x -> "Undo".equals(x.get("type"))),
                ok -> ok, () -> "the peer never got the Undo; its log:\n" + peer.log());
    }

    @Test
    void whatCannotBeFollowedIsAClearProblemAndOnlyAdminsMayFollow() {
        OndesApi.Response notOndes = b.api().send("POST", FOLLOWING, adminB.bearer(),
                "{\"target\": \"" + peer.baseUrl().replace("http://", "") + "\"}");
        assertEquals(422, notOndes.status(), notOndes.body());
        assertTrue(notOndes.contentType().startsWith("application/problem+json"));
        assertEquals(400, b.api().send("POST", FOLLOWING, adminB.bearer(), "{}").status());
        assertEquals(400, b.api().send("POST", FOLLOWING, adminB.bearer(),
                "{\"target\": \"127.0.0.1:" + b.port() + "\"}").status(), "an instance does not follow itself");
        assertEquals(404, b.api().send("DELETE", FOLLOWING + "/999999", adminB.bearer(), null).status());
        OndesApi.User user = b.api().newUser();
        assertEquals(403, b.api().send("POST", FOLLOWING, user.bearer(), "{\"target\":\"x.example\"}").status());
        assertEquals(403, b.api().get(FOLLOWING, user.bearer()).status());
        assertEquals(401, b.api().get(FOLLOWING, null).status());
        assertEquals(401, b.api().get("/api/v1/admin/federation/followers", null).status());
    }
}
