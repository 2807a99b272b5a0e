package org.ondes.streams;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.testkit.CookieClient;
import org.ondes.testkit.FakeIcecastMount;
import org.ondes.testkit.IcecastWire;
import org.ondes.testkit.ListedStream;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.SseClient;
import org.ondes.testkit.TestDb;
import org.ondes.testkit.YpReplyHead;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PATCH /api/v1/me/stations/{id}: the owner's profile edits show wherever the catalog shows the station, survive new
 * YP adds, and are validated; an unlisted station leaves the public lists while its link keeps working.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StationProfileIT implements TestPropertyProvider {
    @Inject
    EmbeddedServer server;
    OndesApi api;
    FakeIcecastMount mount;

    @Override
    public Map<String, String> getProperties() {
        return TestDb.properties();
    }

    @BeforeAll
    void start() throws Exception {
        api = new OndesApi(server.getPort());
        mount = new FakeIcecastMount();
    }

    @AfterAll
    void stop() throws Exception {
        mount.close();
    }

    private OndesApi.Response patch(OndesApi.User user, String stationId, String json) {
        return api.send("PATCH", "/api/v1/me/stations/" + stationId, user.bearer(), json);
    }

    private static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    @SuppressWarnings("unchecked")
    void ownerEditsShowEverywhereTheCatalogShowsTheStation() {
        OndesApi.User owner = api.newUser();
        String announced = unique("Announced");
        ListedStream s = ListedStream.announce(api, owner, mount, announced, "/" + UUID.randomUUID() + ".ogg");
        String edited = unique("Edited Nova");
        OndesApi.Response r = patch(owner, s.stationId(), """
                {"displayName": "%s", "description": "Dub <b>all</b> night", "homepage": "https://nova.example.org/",
                 "genres": ["Dub", "#reggae"], "language": "pt-br", "country": "br",
                 "logoUrl": "https://nova.example.org/logo.png"}
                """.formatted(edited));
        assertEquals(200, r.status(), r.body());
        Map<String, Object> view = r.json();
        assertEquals(edited, view.get("name"));
        assertEquals("Dub all night", view.get("description"), "markup is not stored");
        assertEquals(List.of("dub", "reggae"), view.get("genres"));
        assertEquals("pt-BR", view.get("language"));
        assertEquals("BR", view.get("country"));
        Map<String, Object> announcedView = (Map<String, Object>) view.get("announced");
        assertEquals(announced, announcedView.get("name"), "what Icecast said stays visible to the owner");
        assertEquals(edited, ((Map<String, Object>) view.get("overrides")).get("displayName"));

        Map<String, Object> entry = api.awaitListed(s.listenUrl(), e -> edited.equals(e.get("name")));
        assertEquals("Dub all night", entry.get("description"));
        assertEquals("https://nova.example.org/", entry.get("homepage"));
        assertEquals(List.of("dub", "reggae"), entry.get("genres"));
        assertEquals("pt-BR", entry.get("language"));
        assertEquals("BR", entry.get("country"));
        assertEquals("https://nova.example.org/logo.png", entry.get("logoUrl"));
        String word = edited.split(" ")[2];
        assertTrue(api.get("/api/v1/streams?q=" + word, null).body().contains(s.stationId()), "search finds the new name");
        assertTrue(api.get("/api/v1/streams?genre=reggae", null).body().contains(s.stationId()), "and the new genres");

        Map<String, Object> page = api.get("/api/v1/stations/" + s.stationId(), null).json();
        assertEquals(edited, page.get("name"));
        assertEquals("BR", page.get("country"));
        assertEquals("https://nova.example.org/logo.png", page.get("logoUrl"));

        String ypXml = api.get("/yp.xml", null).body();
        assertTrue(ypXml.contains("<server_name>" + edited + "</server_name>"), ypXml);
        assertFalse(ypXml.contains(announced), "the announced name is gone from yp.xml");
        assertTrue(api.get("/stations/" + s.stationId() + "/listen.m3u", null).body().contains(edited));

        List<Object> rb = api.get("/json/stations/search?name=" + word, null).jsonList();
        assertEquals(1, rb.size(), rb.toString());
        Map<String, Object> rbStation = (Map<String, Object>) rb.get(0);
        assertEquals(edited, rbStation.get("name"));
        assertEquals("https://nova.example.org/logo.png", rbStation.get("favicon"));
        assertEquals("BR", rbStation.get("countrycode"));
        assertEquals("dub,reggae", rbStation.get("tags"));
        assertEquals(1, api.get("/json/stations/search?countrycode=BR", null).jsonList().size(), "the country filter works now");
    }

    @Test
    @SuppressWarnings("unchecked")
    void editsSurviveANewYpAddAndNullGivesTheAnnouncedValueBack() {
        OndesApi.User owner = api.newUser();
        String announced = unique("Survivor");
        String path = "/" + UUID.randomUUID() + ".ogg";
        ListedStream s = ListedStream.announce(api, owner, mount, announced, path);
        assertEquals(200, patch(owner, s.stationId(), "{\"displayName\": \"Kept Name\", \"genres\": []}").status());

        YpReplyHead again = YpReplyHead.parse(api.ypRaw(owner.ypToken(), IcecastWire.add(announced, "techno", s.listenUrl())));
        assertTrue(again.ok(), again.raw());
        Map<String, Object> entry = api.awaitListed(s.listenUrl(), e -> !s.sessionId().equals(
                ((Map<String, Object>) ((List<?>) e.get("sessions")).get(0)).get("id")));
        assertEquals("Kept Name", entry.get("name"), "a new add does not undo the owner's edit");
        assertEquals(List.of(), entry.get("genres"), "an empty list is an edit too: no genres");
        Map<String, Object> mine = (Map<String, Object>) api.get("/api/v1/me/stations", owner.bearer()).jsonList().get(0);
        assertEquals(List.of("techno"), ((Map<String, Object>) mine.get("announced")).get("genres"));

        OndesApi.Response cleared = patch(owner, s.stationId(), "{\"displayName\": null, \"genres\": null}");
        assertEquals(200, cleared.status(), cleared.body());
        assertEquals(announced, cleared.json().get("name"));
        assertNull(((Map<String, Object>) cleared.json().get("overrides")).get("displayName"));
        api.awaitListed(s.listenUrl(), e -> announced.equals(e.get("name")) && List.of("techno").equals(e.get("genres")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anUnlistedStationLeavesEveryListButItsLinkKeepsWorking() {
        OndesApi.User owner = api.newUser();
        ListedStream s = ListedStream.announce(api, owner, mount, unique("Private"), "/" + UUID.randomUUID() + ".ogg");
        try (SseClient feed = SseClient.open("http://127.0.0.1:" + server.getPort(), "/api/v1/events")) {
            OndesApi.Response hidden = patch(owner, s.stationId(), "{\"hidden\": true}");
            assertEquals(200, hidden.status(), hidden.body());
            assertEquals(true, hidden.json().get("hidden"));
            assertEquals("unlisted by you: in no list, reachable by its direct link", hidden.json().get("listingNote"));
            assertEquals("hidden", feed.await(Duration.ofSeconds(10), "offline", s.sessionId()).json().get("reason"),
                    "it left the live feed");
        }
        assertNull(api.listedStream(s.listenUrl()), "gone from the catalog as soon as the edit returns");
        assertFalse(api.get("/yp.xml", null).body().contains(s.listenUrl()));
        assertFalse(api.get("/json/stations/search?limit=1000", null).body().contains(s.stationId()));

        OndesApi.Response direct = api.get("/api/v1/stations/" + s.stationId(), null);
        assertEquals(200, direct.status(), "its link still works: " + direct.body());
        assertEquals("noindex", direct.header("X-Robots-Tag"));
        assertEquals(true, direct.json().get("unlisted"));
        assertEquals(true, direct.json().get("live"));
        assertEquals(List.of(s.listenUrl()), ((Map<String, Object>) direct.json().get("entry")).get("listenUrls"));
        OndesApi.Response m3u = api.get("/stations/" + s.stationId() + "/listen.m3u", null);
        assertEquals(200, m3u.status());
        assertTrue(m3u.body().contains(s.listenUrl()), m3u.body());
        String etag = direct.header("ETag");
        assertNotNull(etag, "an unlisted station's answer can be revalidated too");
        assertEquals(304, api.send("GET", "/api/v1/stations/" + s.stationId(), null, null,
                Map.of("If-None-Match", etag)).status(), "unchanged: 304");
        assertEquals(200, api.send("GET", "/api/v1/stations/" + s.stationId(), null, null,
                Map.of("If-Modified-Since", "Fri, 01 Jan 2100 00:00:00 GMT")).status(),
                "no date validator for a station the catalog does not follow");
        YpReplyHead touch = s.touch(api, owner, "Song", 2);
        assertTrue(touch.ok(), "Icecast keeps its listing: " + touch.raw());
        assertEquals("Updated server info. Not listed: you made this station unlisted (reachable by its direct link only).",
                touch.message());
        OndesApi.Response changed = api.send("GET", "/api/v1/stations/" + s.stationId(), null, null,
                Map.of("If-None-Match", etag));
        assertEquals(200, changed.status(), "a new song changes the answer, so the old ETag no longer matches");
        assertNotEquals(etag, changed.header("ETag"));

        assertEquals(200, patch(owner, s.stationId(), "{\"hidden\": false}").status());
        assertNotNull(api.listedStream(s.listenUrl()), "back at once");
        OndesApi.Response listed = api.get("/api/v1/stations/" + s.stationId(), null);
        assertEquals(false, listed.json().get("unlisted"));
        assertNull(listed.header("X-Robots-Tag"));
    }

    @Test
    void onlyTheOwnerEditsAndOthersCannotTellTheStationExists() {
        OndesApi.User owner = api.newUser();
        OndesApi.User other = api.newUser();
        ListedStream s = ListedStream.announce(api, owner, mount, unique("Mine"), "/" + UUID.randomUUID() + ".ogg");
        OndesApi.Response foreign = patch(other, s.stationId(), "{\"displayName\": \"Stolen\"}");
        OndesApi.Response missing = patch(other, UUID.randomUUID().toString(), "{\"displayName\": \"Stolen\"}");
        assertEquals(404, foreign.status());
        assertEquals(404, missing.status());
        assertEquals(foreign.json().get("title"), missing.json().get("title"));
        assertEquals(401, api.send("PATCH", "/api/v1/me/stations/" + s.stationId(), null, "{\"displayName\":\"x\"}").status());
        assertEquals(400, patch(owner, "not-a-uuid", "{\"displayName\":\"x\"}").status());
        assertFalse(api.get("/api/v1/streams?limit=500", null).body().contains("Stolen"));
    }

    @Test
    void badValuesAreProblemsThatNameTheField() {
        OndesApi.User owner = api.newUser();
        ListedStream s = ListedStream.announce(api, owner, mount, unique("Strict"), "/" + UUID.randomUUID() + ".ogg");
        Map<String, String> cases = Map.of(
                "{\"homepage\": \"javascript:alert(1)\"}", "homepage",
                "{\"logoUrl\": \"http://plain.example.org/logo.png\"}", "logoUrl",
                "{\"country\": \"XX\"}", "country",
                "{\"language\": \"Klingon!\"}", "language",
                "{\"genres\": \"jazz\"}", "genres",
                "{\"displayName\": \"<script></script>\"}", "displayName",
                "{\"owner\": 1}", "owner",
                "{\"hidden\": \"yes\"}", "hidden",
                "{}", "body");
        cases.forEach((json, field) -> {
            OndesApi.Response r = patch(owner, s.stationId(), json);
            assertEquals(400, r.status(), json + " -> " + r.body());
            assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
            assertTrue(String.valueOf(r.json().get("detail")).startsWith(field + ": "), r.body());
        });
        for (String garbage : List.of("[1, 2]", "{not json", "\"text\"")) {
            OndesApi.Response r = patch(owner, s.stationId(), garbage);
            assertEquals(400, r.status(), garbage + " -> " + r.body());
            assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        }
    }

    @Test
    void browsersEditWithTheirSessionAndCsrfToken() {
        CookieClient b = new CookieClient("http://127.0.0.1:" + server.getPort()).signedUp("prof_" + UUID.randomUUID().toString().substring(0, 8));
        String token = (String) b.get("/api/v1/session").json().get("csrfToken");
        CookieClient.Page created = b.json("POST", "/api/v1/me/yp-tokens", "{\"label\":\"web\"}", Map.of("X-CSRF-Token", token));
        assertEquals(201, created.status(), created.toString());
        String ypUrl = (String) created.json().get("ypUrl");
        OndesApi.User viaBrowser = new OndesApi.User("web", null, 0, ypUrl);
        ListedStream s = ListedStream.announce(api, viaBrowser, mount, unique("CookieClient FM"), "/" + UUID.randomUUID() + ".ogg");
        assertEquals(403, b.json("PATCH", "/api/v1/me/stations/" + s.stationId(), "{\"country\":\"DE\"}", Map.of()).status());
        CookieClient.Page ok = b.json("PATCH", "/api/v1/me/stations/" + s.stationId(), "{\"country\":\"DE\"}", Map.of("X-CSRF-Token", token));
        assertEquals(200, ok.status(), ok.toString());
        assertEquals("DE", api.awaitListed(s.listenUrl(), e -> "DE".equals(e.get("country"))).get("country"));
    }
}
