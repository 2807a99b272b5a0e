package org.ondes.federation;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.federation.follows.Following;
import org.ondes.federation.follows.InstanceFollows;
import org.ondes.testkit.Await;
import org.ondes.testkit.FreePorts;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.OndesInstance;
import org.ondes.testkit.SseClient;
import org.ondes.testkit.StubOndes;
import org.ondes.testkit.TestDb;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Another Ondes instance's live streams in this one's catalog (issue 6, receiving), with stub instances on loopback
 * that sign what they send: a followed instance's Create, Update and Delete of Audio objects show in the stream list,
 * search, the station API and page, and the live feed; entries expire without refresh; what comes from an instance
 * not followed, objects claiming another origin, hostile text, ban rules, hides, domain blocks and unfollows are
 * handled as docs/federation.md says.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FederationReceiveIT {
    static final Duration WAIT = Duration.ofSeconds(15);
    TestDb.Schema db;
    OndesInstance ondes;
    OndesApi api;
    String admin;
    StubOndes peer;
    StubOndes stranger;
    StubOndes blockable;
    StubOndes leaving;

    @BeforeAll
    void start() throws Exception {
        db = TestDb.newSchema();
        int port = FreePorts.next();
        ondes = OndesInstance.start(db, port, Map.of("ondes.public-url", "http://127.0.0.1:" + port,
                "ondes.federation.allow-private-addresses", "true"));
        api = ondes.api();
        admin = api.newUser().bearer(); // the first account is the admin
        peer = new StubOndes("127.0.0.1");
        stranger = new StubOndes("127.0.0.1");
        blockable = new StubOndes("127.0.0.2");
        leaving = new StubOndes("127.0.0.1");
        follow(peer);
        follow(blockable);
        follow(leaving);
    }

    @AfterAll
    void stop() {
        for (AutoCloseable c : new AutoCloseable[]{peer, stranger, blockable, leaving, ondes}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // closing the rest matters more
            }
        }
    }

    /** The instance follows the stub's instance actor, which accepts (a signed Accept to our inbox). */
    private void follow(StubOndes stub) throws Exception {
        String followId = ondes.baseUrl() + "/activities/" + UUID.randomUUID();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO fed_following (target, remote_actor, follow_id, created_by) VALUES (?, ?, ?, 'test')")) {
            ps.setString(1, stub.host());
            ps.setString(2, stub.instanceActor());
            ps.setString(3, followId);
            ps.executeUpdate();
        }
        assertEquals(202, stub.post(inbox(), stub.activity("Accept", stub.instanceActor(), followId)));
        Following following = ondes.context().getBean(Following.class);
        Await.until(WAIT, () -> following.accepted(stub.instanceActor()), a -> a, () -> "the Accept was not taken");
    }

    private String inbox() {
        return ondes.baseUrl() + "/inbox";
    }

    private Optional<Map<String, Object>> listed(String name) {
        return items("/api/v1/streams?limit=100").stream().filter(e -> name.equals(e.get("name"))).findFirst();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> items(String path) {
        OndesApi.Response r = api.send("GET", path, null, null, Map.of("Cache-Control", "no-cache"));
        assertEquals(200, r.status(), r.body());
        return (List<Map<String, Object>>) r.json().get("items");
    }

    private Map<String, Object> awaitListed(String name) {
        return Await.until(WAIT, () -> listed(name).orElse(null), e -> e != null, () -> name + " never listed");
    }

    private void awaitGone(String name) {
        Await.until(WAIT, () -> listed(name), Optional::isEmpty, () -> name + " still listed");
    }

    /** Waits until the inbox has handled this activity; returns its error (null: none). */
    private String handled(Map<String, Object> activity) {
        String id = (String) activity.get("id");
        String[] error = new String[1];
        Await.until(WAIT, () -> {
            try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                    "SELECT done_at IS NOT NULL, error FROM fed_inbox WHERE activity_id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        error[0] = rs.getString(2);
                        return true;
                    }
                    return false;
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, done -> done, () -> "activity " + id + " not handled");
        return error[0];
    }

    /** Sends a Create of a fresh Audio object by a station of {@code stub}; returns the object. */
    private Map<String, Object> create(StubOndes stub, String station, String name, int refreshInterval) {
        String actor = stub.station(station);
        Map<String, Object> audio = StubOndes.audio(stub.newObjectId(), actor, name,
                "http://ice.example.net:8000/" + station + ".ogg", "Artist - First", refreshInterval);
        stub.serve((String) audio.get("id"), audio);
        assertEquals(202, stub.post(inbox(), stub.activity("Create", actor, audio)));
        return audio;
    }

    @Test
    void aFollowedInstancesStreamGoesLiveChangesAndEndsEverywhere() throws Exception {
        try (SseClient sse = SseClient.open(ondes.baseUrl(), "/api/v1/events")) {
            Map<String, Object> audio = create(peer, "nightowl", "Night Owl Radio", 300);
            Map<String, Object> entry = awaitListed("Night Owl Radio");
            String stationId = (String) entry.get("id");
            assertEquals(peer.host(), entry.get("origin"));
            assertEquals(peer.station("nightowl"), entry.get("originUrl"));
            assertEquals("http://ice.example.net:8000/nightowl.ogg", entry.get("listenUrl"), "plays from the origin");
            assertEquals("Artist - First", entry.get("currentSong"));
            assertEquals(List.of("jazz"), entry.get("genres"));
            assertTrue(items("/api/v1/streams?q=owl").stream().anyMatch(e -> stationId.equals(e.get("id"))), "searchable");
            sse.await(WAIT, m -> "live".equals(m.event()) && m.data().contains(stationId));

            Map<String, Object> station = api.get("/api/v1/stations/" + stationId, null).json();
            assertEquals(peer.host(), station.get("origin"));
            assertEquals(peer.station("nightowl"), station.get("originUrl"));
            assertNull(station.get("handle"), "a remote station has no handle here");
            assertNull(station.get("actor"));
            String page = api.get("/stations/" + stationId, null).body();
            assertTrue(page.contains("from " + peer.host()) && page.contains("href=\"" + peer.station("nightowl") + "\""),
                    "the page names and links the origin");

            audio.put("nowPlaying", "Artist - Second");
            audio.put("listeners", 9);
            assertEquals(202, peer.post(inbox(), peer.activity("Update", peer.station("nightowl"), audio)));
            Await.until(WAIT, () -> listed("Night Owl Radio").map(e -> e.get("currentSong")).orElse(null),
                    "Artist - Second"::equals, () -> "now playing not updated");
            sse.await(WAIT, m -> "nowPlaying".equals(m.event()) && m.data().contains("Artist - Second"));

            assertEquals(202, peer.post(inbox(), peer.activity("Delete", peer.station("nightowl"), audio.get("id"))));
            awaitGone("Night Owl Radio");
            sse.await(WAIT, m -> "offline".equals(m.event()) && m.data().contains(stationId));

            Map<String, Object> late = peer.activity("Update", peer.station("nightowl"), audio);
            assertEquals(202, peer.post(inbox(), late));
            assertNull(handled(late));
            assertTrue(listed("Night Owl Radio").isEmpty(), "a late Update does not bring a deleted stream back");
        }
    }

    @Test
    void aRemoteStationIsNeverServedAsOneOfOurActors() {
        create(peer, "notours", "Not Ours FM", 300);
        String stationId = (String) awaitListed("Not Ours FM").get("id");
        OndesApi.Response actor = api.send("GET", "/stations/" + stationId, null, null,
                Map.of("Accept", "application/activity+json"));
        assertEquals(404, actor.status(), actor.body());
        String resource = URLEncoder.encode(ondes.baseUrl() + "/stations/" + stationId, StandardCharsets.UTF_8);
        assertEquals(404, api.get("/.well-known/webfinger?resource=" + resource, null).status());
        OndesApi.Response followers = api.send("GET", "/stations/" + stationId + "/followers", null, null,
                Map.of("Accept", "application/activity+json"));
        assertEquals(404, followers.status());
    }

    @Test
    void anUpdateOfAnUnknownObjectCreatesIt() {
        String actor = peer.station("latecomer");
        Map<String, Object> audio = StubOndes.audio(peer.newObjectId(), actor, "Latecomer FM",
                "https://ice.example.net/late.mp3", null, 300);
        assertEquals(202, peer.post(inbox(), peer.activity("Update", actor, audio)));
        assertEquals(peer.host(), awaitListed("Latecomer FM").get("origin"));
    }

    @Test
    void anEntryNotRefreshedInTimeLeavesTheCatalog() {
        create(peer, "flaky", "Flaky FM", 1); // refreshInterval 1 s: gone 3 s after the last news
        awaitListed("Flaky FM");
        long seen = System.nanoTime();
        awaitGone("Flaky FM");
        assertTrue(System.nanoTime() - seen < WAIT.toNanos());
    }

    @Test
    void streamsFromAnInstanceNotFollowedAreIgnored() {
        String actor = stranger.station("pirate");
        Map<String, Object> audio = StubOndes.audio(stranger.newObjectId(), actor, "Pirate FM",
                "http://ice.example.net/p.ogg", null, 300);
        stranger.serve((String) audio.get("id"), audio);
        Map<String, Object> activity = stranger.activity("Create", actor, audio);
        assertEquals(202, stranger.post(inbox(), activity));
        assertNull(handled(activity));
        assertTrue(listed("Pirate FM").isEmpty());
    }

    @Test
    void anEmbeddedObjectOfAnotherOriginIsFetchedAgainAndOnlyTheOriginalCounts() {
        // the followed peer embeds an object whose id is on a host it does not speak for
        String foreignActor = stranger.station("victim");
        Map<String, Object> foreign = StubOndes.audio(stranger.newObjectId(), foreignActor, "Foreign FM",
                "http://ice.example.net/f.ogg", null, 300);
        stranger.serve((String) foreign.get("id"), foreign);
        Map<String, Object> a1 = peer.activity("Create", peer.station("liar"), foreign);
        assertEquals(202, peer.post(inbox(), a1));
        assertNull(handled(a1));
        assertTrue(stranger.gets().contains(java.net.URI.create((String) foreign.get("id")).getPath()),
                "the object was fetched from its own host");
        assertTrue(listed("Foreign FM").isEmpty(), "the origin is not followed: nothing listed");

        // an object on the peer, embedded with a doctored copy attributed to another station: the original is used
        String realActor = peer.station("real");
        Map<String, Object> real = StubOndes.audio(peer.newObjectId(), realActor, "Real Station",
                "http://ice.example.net/real.ogg", null, 300);
        peer.serve((String) real.get("id"), real);
        Map<String, Object> doctored = new java.util.LinkedHashMap<>(real);
        doctored.put("name", "Doctored Station");
        doctored.put("attributedTo", peer.station("impostor"));
        assertEquals(202, peer.post(inbox(), peer.activity("Create", peer.station("impostor2"), doctored)));
        Map<String, Object> entry = awaitListed("Real Station");
        assertEquals(realActor, entry.get("originUrl"));
        assertTrue(listed("Doctored Station").isEmpty());

        // the refetch disagrees (another id) or fails: nothing enters the catalog
        String lyingId = peer.newObjectId();
        Map<String, Object> lying = StubOndes.audio(lyingId, peer.station("other"), "Lying FM",
                "http://ice.example.net/l.ogg", null, 300);
        peer.serve(lyingId, StubOndes.audio(peer.newObjectId(), peer.station("other"), "Lying FM",
                "http://ice.example.net/l.ogg", null, 300));
        Map<String, Object> a3 = peer.activity("Create", peer.station("someone"), lying);
        assertEquals(202, peer.post(inbox(), a3));
        Map<String, Object> missing = StubOndes.audio(peer.newObjectId(), peer.station("other"), "Missing FM",
                "http://ice.example.net/m.ogg", null, 300);
        Map<String, Object> a4 = peer.activity("Create", peer.station("someone"), missing);
        assertEquals(202, peer.post(inbox(), a4));
        assertNull(handled(a3));
        assertNull(handled(a4));
        assertTrue(listed("Lying FM").isEmpty() && listed("Missing FM").isEmpty());
    }

    @Test
    void aDeleteOfAnObjectOnAnotherHostIsIgnored() {
        Map<String, Object> audio = create(peer, "sturdy", "Sturdy FM", 300);
        awaitListed("Sturdy FM");
        Map<String, Object> delete = stranger.activity("Delete", stranger.station("x"), audio.get("id"));
        assertEquals(202, stranger.post(inbox(), delete));
        assertNull(handled(delete));
        assertTrue(listed("Sturdy FM").isPresent());
    }

    @Test
    void hostileTextIsMadePlainOrRefusedNeverAnError() {
        String actor = peer.station("hostile");
        Map<String, Object> audio = StubOndes.audio(peer.newObjectId(), actor,
                "<b>Evil</b><script>alert(1)</script> FM " + "x".repeat(100_000), "http://ice.example.net/e.ogg",
                "<img src=x onerror=alert(1)>", 300);
        audio.put("summary", "<a href=\"javascript:alert(1)\">click</a>");
        Map<String, Object> a1 = peer.activity("Create", actor, audio);
        assertEquals(202, peer.post(inbox(), a1));
        assertNull(handled(a1));
        Map<String, Object> entry = Await.until(WAIT, () -> items("/api/v1/streams?q=evil").stream().findFirst()
                .orElse(null), e -> e != null, () -> "not listed");
        String name = (String) entry.get("name");
        assertTrue(name.startsWith("Evil FM xxx") && !name.contains("<") && name.length() <= 200, name);
        assertEquals("click", entry.get("description"));

        Map<String, Object> js = StubOndes.audio(peer.newObjectId(), actor, "Script FM", "javascript:alert(1)", null, 300);
        Map<String, Object> a2 = peer.activity("Create", actor, js);
        assertEquals(202, peer.post(inbox(), a2));
        assertNull(handled(a2));
        assertTrue(listed("Script FM").isEmpty());
    }

    @Test
    void banRulesAndHidesApplyToRemoteStations() {
        OndesApi.Response ban = api.send("POST", "/api/v1/moderation/bans", admin,
                "{\"kind\":\"name\",\"value\":\"*casino*\",\"reason\":\"spam\"}");
        assertEquals(201, ban.status(), ban.body());
        Map<String, Object> refused = peer.activity("Create", peer.station("casino"), StubOndes.audio(
                peer.newObjectId(), peer.station("casino"), "Big Casino FM", "http://ice.example.net/c.ogg", null, 300));
        assertEquals(202, peer.post(inbox(), refused));
        assertNull(handled(refused));
        assertTrue(listed("Big Casino FM").isEmpty(), "a ban rule on the name refuses it");

        create(peer, "hideme", "Hide Me FM", 300);
        String stationId = (String) awaitListed("Hide Me FM").get("id");
        OndesApi.Response hide = api.send("POST", "/api/v1/moderation/stations/" + stationId + "/hide", admin,
                "{\"reason\":\"off-topic\"}");
        assertEquals(200, hide.status(), hide.body());
        assertEquals(peer.host(), hide.json().get("origin"), "moderators see which instance the station comes from");
        awaitGone("Hide Me FM");
        assertEquals(404, api.get("/api/v1/stations/" + stationId, null).status());
    }

    @Test
    void aDomainBlockEndsThatOriginsStreamsAndRefusesItsActivities() {
        create(blockable, "doomed", "Doomed FM", 300);
        awaitListed("Doomed FM");
        OndesApi.Response block = api.send("POST", "/api/v1/moderation/federation/blocks", admin,
                "{\"domain\":\"127.0.0.2\",\"reason\":\"spam\"}");
        assertTrue(block.status() == 200 || block.status() == 201, block.body());
        try {
            awaitGone("Doomed FM");
            Map<String, Object> again = StubOndes.audio(blockable.newObjectId(), blockable.station("doomed"),
                    "Doomed Again FM", "http://ice.example.net/d.ogg", null, 300);
            assertEquals(403, blockable.post(inbox(), blockable.activity("Create", blockable.station("doomed"), again)));
        } finally {
            api.send("DELETE", "/api/v1/moderation/federation/blocks/127.0.0.2", admin, null);
        }
    }

    @Test
    void unfollowingAnInstanceEndsItsStreams() {
        create(leaving, "bye", "Goodbye FM", 300);
        awaitListed("Goodbye FM");
        Following following = ondes.context().getBean(Following.class);
        long id = following.byActor(leaving.instanceActor()).orElseThrow().id();
        assertTrue(ondes.context().getBean(InstanceFollows.class).unfollow(id));
        awaitGone("Goodbye FM");
        assertFalse(following.accepted(leaving.instanceActor()));
    }
}
