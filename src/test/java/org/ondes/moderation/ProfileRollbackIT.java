package org.ondes.moderation;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.testkit.Await;
import org.ondes.testkit.FakeIcecastMount;
import org.ondes.testkit.ListedStream;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.TestDb;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Moderators roll a profile change back: its fields get their values from before it everywhere the station shows
 * (catalog, search, station page), later edits of other fields stay, the rollback is in the history and the audit log,
 * and only moderators and admins may do it. Concurrent edits and rollbacks leave a history whose befores and afters
 * chain up, which they would not if they interleaved.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProfileRollbackIT implements TestPropertyProvider {
    private static final Duration WAIT = Duration.ofSeconds(10);
    @Inject
    EmbeddedServer server;
    OndesApi api;
    FakeIcecastMount mount;
    OndesApi.User admin;
    OndesApi.User moderator;

    @Override
    public Map<String, String> getProperties() {
        return TestDb.properties();
    }

    @BeforeAll
    void start() throws Exception {
        api = new OndesApi(server.getPort());
        mount = new FakeIcecastMount();
        admin = api.newUser();
        moderator = api.newUser();
        assertEquals(200, api.send("PUT", "/api/v1/admin/users/" + moderator.username() + "/role", admin.bearer(),
                "{\"role\":\"moderator\"}").status());
    }

    @AfterAll
    void stop() throws Exception {
        mount.close();
    }

    private static String word() {
        return "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private ListedStream station(OndesApi.User owner, String name) {
        return ListedStream.announce(api, owner, mount, name, "/" + UUID.randomUUID() + ".ogg");
    }

    private long edit(OndesApi.User owner, String stationId, String json) {
        OndesApi.Response r = api.send("PATCH", "/api/v1/me/stations/" + stationId, owner.bearer(), json);
        assertEquals(200, r.status(), r.body());
        return ((Number) items(api.get(historyPath(stationId), moderator.bearer())).get(0).get("id")).longValue();
    }

    private static String historyPath(String stationId) {
        return "/api/v1/moderation/stations/" + stationId + "/profile-history";
    }

    private OndesApi.Response rollback(OndesApi.User who, String stationId, long changeId, String json) {
        return api.send("POST", historyPath(stationId) + "/" + changeId + "/rollback", who == null ? null : who.bearer(), json);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(OndesApi.Response r) {
        assertEquals(200, r.status(), r.body());
        return (List<Map<String, Object>>) r.json().get("items");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRollbackRestoresTheFieldsEverywhereAndIsRecordedAndLogged() {
        OndesApi.User owner = api.newUser();
        String announced = "Calm " + word();
        String vandal = "Vandal " + word();
        ListedStream s = station(owner, announced);
        long good = edit(owner, s.stationId(), "{\"description\": \"Ambient all day\"}");
        long bad = edit(owner, s.stationId(), "{\"displayName\": \"" + vandal + "\", \"description\": \"buy pills\"}");
        api.awaitListed(s.listenUrl(), e -> vandal.equals(e.get("name")));

        OndesApi.Response done = rollback(moderator, s.stationId(), bad, "{\"reason\": \"vandalism <b>again</b>\"}");
        assertEquals(200, done.status(), done.body());
        Map<String, Object> change = done.json();
        assertEquals("rollback", change.get("kind"));
        assertEquals(bad, ((Number) change.get("rollsBack")).longValue());
        assertEquals(moderator.username(), change.get("actor"));
        assertEquals("moderator", change.get("actorRole"));

        Map<String, Object> page = api.get("/api/v1/stations/" + s.stationId(), null).json();
        assertEquals(announced, page.get("name"), "the announced name shows again: there was no override before");
        assertEquals("Ambient all day", page.get("description"), "the description from before the bad edit");
        Map<String, Object> entry = api.awaitListed(s.listenUrl(), e -> announced.equals(e.get("name")));
        assertEquals("Ambient all day", entry.get("description"));
        String searchable = announced.split(" ")[1];
        Await.until(WAIT, () -> api.get("/api/v1/streams?q=" + searchable, null).body(), b -> b.contains(s.stationId()),
                () -> "search does not find the restored name");
        assertFalse(api.get("/api/v1/streams?q=" + vandal.split(" ")[1], null).body().contains(s.stationId()),
                "nor the vandal's");

        List<Map<String, Object>> history = items(api.get(historyPath(s.stationId()), admin.bearer()));
        assertEquals(List.of(((Number) change.get("id")).longValue(), bad, good),
                history.stream().map(c -> ((Number) c.get("id")).longValue()).toList(), "newest first");
        Map<String, Object> ownerView = items(api.get("/api/v1/me/stations/" + s.stationId() + "/profile-history",
                owner.bearer())).get(0);
        assertEquals("rollback", ownerView.get("kind"));
        assertNull(ownerView.get("actor"), "owners see that a moderator rolled back, not who");
        assertEquals("moderator", ownerView.get("actorRole"));

        Map<String, Object> logged = items(api.get("/api/v1/admin/audit?action=rollback_profile", admin.bearer())).stream()
                .filter(e -> s.stationId().equals(e.get("stationId"))).findFirst().orElseThrow();
        assertEquals(moderator.username(), logged.get("actor"));
        assertEquals(vandal, logged.get("subject"), "the station as it was named when rolled back");
        assertEquals("vandalism <b>again</b>", logged.get("reason"));
        assertEquals("change " + bad + " rolled back (displayName, description)", logged.get("detail"));
        assertEquals(409, rollback(moderator, s.stationId(), bad, null).status(), "nothing left to roll back");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOlderChangeIsRolledBackEvenIfItsFieldChangedAgainAndOtherFieldsKeepLaterEdits() {
        OndesApi.User owner = api.newUser();
        String announced = "Older " + word();
        ListedStream s = station(owner, announced);
        long first = edit(owner, s.stationId(), "{\"displayName\": \"First Name\", \"country\": \"FR\"}");
        edit(owner, s.stationId(), "{\"displayName\": \"Second Name\"}");
        edit(owner, s.stationId(), "{\"homepage\": \"https://later.example.org/\"}");

        OndesApi.Response done = rollback(admin, s.stationId(), first, null);
        assertEquals(200, done.status(), done.body());
        assertEquals("admin", done.json().get("actorRole"));
        List<Map<String, Object>> fields = (List<Map<String, Object>>) done.json().get("fields");
        assertEquals("Second Name", fields.get(0).get("before"), "it overwrote the later value of the same field");
        assertNull(fields.get(0).get("after"));

        Map<String, Object> page = api.get("/api/v1/stations/" + s.stationId(), null).json();
        assertEquals(announced, page.get("name"));
        assertNull(page.get("country"));
        assertEquals("https://later.example.org/", page.get("homepage"), "a later edit of another field stays");
        Map<String, Object> mine = (Map<String, Object>) api.get("/api/v1/me/stations", owner.bearer()).jsonList().get(0);
        assertNull(((Map<String, Object>) mine.get("overrides")).get("displayName"));
    }

    @Test
    void onlyModeratorsAndAdminsReadHistoriesAndRollBack() {
        OndesApi.User owner = api.newUser();
        OndesApi.User user = api.newUser();
        ListedStream s = station(owner, "Guarded " + word());
        long change = edit(owner, s.stationId(), "{\"displayName\": \"Guarded Edit\"}");
        for (OndesApi.User who : new OndesApi.User[]{null, user, owner}) {
            OndesApi.Response read = api.get(historyPath(s.stationId()), who == null ? null : who.bearer());
            OndesApi.Response undo = rollback(who, s.stationId(), change, "{}");
            int expected = who == null ? 401 : 403;
            assertEquals(expected, read.status(), "read by " + (who == null ? "anonymous" : who.username()));
            assertEquals(expected, undo.status(), "rollback by " + (who == null ? "anonymous" : who.username()));
            assertTrue(undo.contentType().startsWith("application/problem+json"), undo.contentType());
        }
        assertEquals("Guarded Edit", api.get("/api/v1/stations/" + s.stationId(), null).json().get("name"),
                "refused rollbacks changed nothing");
        assertEquals(200, api.get(historyPath(s.stationId()), admin.bearer()).status());

        OndesApi.Response unknownStation = api.get(historyPath(UUID.randomUUID().toString()), moderator.bearer());
        assertEquals(404, unknownStation.status());
        ListedStream other = station(api.newUser(), "Other " + word());
        assertEquals(404, rollback(moderator, other.stationId(), change, null).status(), "a change of another station");
        assertEquals(404, rollback(moderator, s.stationId(), 999_999_999, null).status());
        assertEquals(400, rollback(moderator, s.stationId(), change, "[1]").status());
        assertEquals(400, api.send("POST", historyPath(s.stationId()) + "/x/rollback", moderator.bearer(), null).status());
        assertEquals(400, api.get("/api/v1/moderation/stations/nope/profile-history", moderator.bearer()).status());
        assertEquals(400, api.get(historyPath(s.stationId()) + "?limit=0", moderator.bearer()).status());
    }

    @Test
    @SuppressWarnings("unchecked")
    void concurrentEditsAndRollbacksTakeTurnsSoTheHistoryChainsUp() throws Exception {
        OndesApi.User owner = api.newUser();
        ListedStream s = station(owner, "Busy " + word());
        long seed = edit(owner, s.stationId(), "{\"displayName\": \"Seed\", \"description\": \"seed\"}");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                int n = i;
                calls.add(pool.submit(() -> api.send("PATCH", "/api/v1/me/stations/" + s.stationId(), owner.bearer(),
                        "{\"displayName\": \"Name " + n + "\", \"description\": \"text " + n + "\"}").status()));
                calls.add(pool.submit(() -> rollback(moderator, s.stationId(), seed, null).status()));
            }
            for (Future<Integer> call : calls) {
                int status = call.get();
                assertTrue(status == 200 || status == 409, "status " + status);
            }
        } finally {
            pool.shutdownNow();
        }
        List<Map<String, Object>> history = new ArrayList<>(items(api.get(historyPath(s.stationId()) + "?limit=200",
                moderator.bearer())));
        java.util.Collections.reverse(history);
        Map<String, Object> current = new HashMap<>();
        current.put("displayName", null);
        current.put("description", null);
        for (Map<String, Object> change : history) {
            for (Object o : (List<?>) change.get("fields")) {
                Map<String, Object> f = (Map<String, Object>) o;
                assertEquals(current.get(f.get("field")), f.get("before"),
                        "change " + change.get("id") + " saw the value the previous change left: " + history);
                current.put((String) f.get("field"), f.get("after"));
            }
        }
        Map<String, Object> mine = (Map<String, Object>) ((Map<String, Object>) api.get("/api/v1/me/stations",
                owner.bearer()).jsonList().get(0)).get("overrides");
        assertEquals(current.get("displayName"), mine.get("displayName"), "the last change is what the station holds");
        assertEquals(current.get("description"), mine.get("description"));
    }
}
