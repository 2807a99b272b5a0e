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
import org.ondes.testkit.ListedStream;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.TestDb;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ondes.testkit.CookieClient.form;

/**
 * The profile history as owners make and read it: every edit that changes a field (API or the /me form) is one row
 * with who, when and each field before and after; an edit that changes nothing, or only the unlisted choice, writes
 * none; only the owner reads it at {@code /api/v1/me/stations/{id}/profile-history}.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProfileHistoryIT implements TestPropertyProvider {
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
        api.newUser(); // the first account is admin; the owners below are plain users
    }

    @AfterAll
    void stop() throws Exception {
        mount.close();
    }

    private ListedStream station(OndesApi.User owner) {
        return ListedStream.announce(api, owner, mount, "History " + UUID.randomUUID().toString().substring(0, 8),
                "/" + UUID.randomUUID() + ".ogg");
    }

    private OndesApi.Response patch(OndesApi.User owner, String stationId, String json) {
        OndesApi.Response r = api.send("PATCH", "/api/v1/me/stations/" + stationId, owner.bearer(), json);
        assertEquals(200, r.status(), r.body());
        return r;
    }

    private Map<String, Object> history(OndesApi.User owner, String stationId) {
        OndesApi.Response r = api.get("/api/v1/me/stations/" + stationId + "/profile-history", owner.bearer());
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> fields(Map<String, Object> change) {
        Map<String, Map<String, Object>> byName = new java.util.LinkedHashMap<>();
        for (Object o : (List<?>) change.get("fields")) {
            Map<String, Object> f = (Map<String, Object>) o;
            byName.put((String) f.get("field"), f);
        }
        return byName;
    }

    @Test
    void anOwnersEditIsRecordedWithWhoWhenAndEachFieldBeforeAndAfter() {
        OndesApi.User owner = api.newUser();
        ListedStream s = station(owner);
        assertEquals(0, ((Number) history(owner, s.stationId()).get("total")).intValue(), "a new station has no history");

        patch(owner, s.stationId(), "{\"displayName\": \"Nova\", \"genres\": [\"Dub\"], \"country\": \"br\"}");
        patch(owner, s.stationId(), "{\"displayName\": \"Nova Two\", \"genres\": [], \"country\": \"BR\"}");

        Map<String, Object> page = history(owner, s.stationId());
        assertEquals(2, ((Number) page.get("total")).intValue(), page.toString());
        Map<String, Object> newest = items(page).get(0);
        assertEquals("owner_edit", newest.get("kind"));
        assertEquals(owner.username(), newest.get("actor"));
        assertEquals("user", newest.get("actorRole"));
        assertEquals(s.stationId(), newest.get("stationId"));
        assertNull(newest.get("rollsBack"));
        assertTrue(newest.get("at") instanceof String, newest.toString());
        Map<String, Map<String, Object>> changed = fields(newest);
        assertEquals(List.of("displayName", "genres"), List.copyOf(changed.keySet()),
                "the country was sent again unchanged (normalised), so it is not part of the change");
        assertEquals("Nova", changed.get("displayName").get("before"));
        assertEquals("Nova Two", changed.get("displayName").get("after"));
        assertEquals(List.of("dub"), changed.get("genres").get("before"));
        assertEquals(List.of(), changed.get("genres").get("after"));

        Map<String, Map<String, Object>> first = fields(items(page).get(1));
        assertEquals(List.of("displayName", "genres", "country"), List.copyOf(first.keySet()));
        assertTrue(first.get("displayName").containsKey("before") && first.get("displayName").get("before") == null,
                "no override before: null, the announced name showed");
        assertEquals("BR", first.get("country").get("after"), "values as stored (normalised)");

        Map<String, Object> one = api.get("/api/v1/me/stations/" + s.stationId() + "/profile-history?limit=1&offset=1",
                owner.bearer()).json();
        assertEquals(1, items(one).size());
        assertEquals(items(page).get(1).get("id"), items(one).get(0).get("id"), "newest first, paged");
    }

    @Test
    void anEditThatChangesNothingOrOnlyTheUnlistedChoiceWritesNothing() {
        OndesApi.User owner = api.newUser();
        ListedStream s = station(owner);
        patch(owner, s.stationId(), "{\"description\": \"Dub all night\", \"homepage\": null}");
        patch(owner, s.stationId(), "{\"description\": \"Dub <b>all</b> night\", \"homepage\": null}");
        patch(owner, s.stationId(), "{\"hidden\": true}");
        patch(owner, s.stationId(), "{\"hidden\": false}");
        Map<String, Object> page = history(owner, s.stationId());
        assertEquals(1, ((Number) page.get("total")).intValue(), "only the first edit changed a profile field: " + page);
        assertEquals(List.of("description"), List.copyOf(fields(items(page).get(0)).keySet()));
    }

    @Test
    void theMeFormRecordsWhatItChangesAndNothingWhenSavedUnchanged() {
        String name = "form_" + UUID.randomUUID().toString().substring(0, 8);
        CookieClient browser = new CookieClient("http://127.0.0.1:" + server.getPort()).signedUp(name);
        OndesApi.User owner = new OndesApi.User(name, api.login(name, CookieClient.PASSWORD), 0, null);
        String ypUrl = (String) api.send("POST", "/api/v1/me/yp-tokens", owner.bearer(), "{\"label\":\"x\"}").json().get("ypUrl");
        ListedStream s = station(new OndesApi.User(name, owner.bearer(), 0, ypUrl));
        Map<String, String> fields = form("_csrf", browser.csrf(), "displayName", "Form FM", "description", "",
                "homepage", "", "genres", "jazz, soul", "language", "", "country", "", "logoUrl", "");
        assertEquals(303, browser.postForm("/me/stations/" + s.stationId(), fields).status());
        assertEquals(303, browser.postForm("/me/stations/" + s.stationId(), fields).status(), "saved again unchanged");
        Map<String, Object> page = history(owner, s.stationId());
        assertEquals(1, ((Number) page.get("total")).intValue(), page.toString());
        Map<String, Map<String, Object>> changed = fields(items(page).get(0));
        assertEquals(List.of("displayName", "genres"), List.copyOf(changed.keySet()));
        assertEquals(List.of("jazz", "soul"), changed.get("genres").get("after"));
        assertEquals(name, items(page).get(0).get("actor"));
    }

    @Test
    void onlyTheOwnerReadsTheHistoryAndOthersCannotTellTheStationExists() {
        OndesApi.User owner = api.newUser();
        OndesApi.User other = api.newUser();
        ListedStream s = station(owner);
        patch(owner, s.stationId(), "{\"displayName\": \"Private History\"}");
        String path = "/api/v1/me/stations/" + s.stationId() + "/profile-history";
        assertEquals(401, api.get(path, null).status());
        OndesApi.Response foreign = api.get(path, other.bearer());
        OndesApi.Response missing = api.get("/api/v1/me/stations/" + UUID.randomUUID() + "/profile-history", other.bearer());
        assertEquals(404, foreign.status());
        assertEquals(404, missing.status());
        assertTrue(foreign.contentType().startsWith("application/problem+json"), foreign.contentType());
        assertEquals(foreign.json().get("title"), missing.json().get("title"));
        assertTrue(!foreign.body().contains("Private History"), foreign.body());
        for (String[] bad : new String[][]{{"/api/v1/me/stations/nope/profile-history", "id"},
                {path + "?limit=0", "limit"}, {path + "?offset=-1", "offset"}, {path + "?limit=201", "limit"}}) {
            OndesApi.Response r = api.get(bad[0], owner.bearer());
            assertEquals(400, r.status(), bad[0] + " -> " + r.body());
            assertTrue(String.valueOf(r.json().get("detail")).startsWith(bad[1] + ": "), r.body());
        }
    }
}
