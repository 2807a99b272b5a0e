package org.ondes.moderation;

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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The moderation API over real HTTP: who may use it, and what hiding and suspending do to the catalog, YP and logins. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModerationIT implements TestPropertyProvider {
    private static final Duration WAIT = Duration.ofSeconds(10);
    @Inject
    EmbeddedServer server;
    OndesApi api;
    FakeIcecastMount mount;
    OndesApi.User admin;
    OndesApi.User moderator;
    String base;

    @Override
    public Map<String, String> getProperties() {
        return TestDb.properties();
    }

    @BeforeAll
    void start() throws Exception {
        base = "http://127.0.0.1:" + server.getPort();
        api = new OndesApi(base);
        mount = new FakeIcecastMount();
        admin = api.newUser();
        moderator = api.newUser();
        OndesApi.Response promoted = api.send("PUT", "/api/v1/admin/users/" + moderator.username() + "/role",
                admin.bearer(), "{\"role\":\"moderator\",\"reason\":\"trusted\"}");
        assertEquals(200, promoted.status(), promoted.body());
    }

    @AfterAll
    void stop() throws Exception {
        mount.close();
    }

    private OndesApi.Response post(OndesApi.User who, String path, String json) {
        return api.send("POST", "/api/v1/moderation" + path, who == null ? null : who.bearer(), json);
    }

    private ListedStream listed(OndesApi.User owner, String name) {
        return ListedStream.announce(api, owner, mount, name + " " + UUID.randomUUID().toString().substring(0, 8),
                "/" + UUID.randomUUID() + ".ogg");
    }

    @Test
    void onlyModeratorsAndAdminsModerate() {
        OndesApi.User user = api.newUser();
        String station = UUID.randomUUID().toString();
        List<String[]> calls = List.of(
                new String[]{"GET", "/api/v1/moderation/stations", null},
                new String[]{"GET", "/api/v1/moderation/users?suspended=true", null},
                new String[]{"POST", "/api/v1/moderation/stations/" + station + "/hide", "{\"reason\":\"x\"}"},
                new String[]{"POST", "/api/v1/moderation/stations/" + station + "/unhide", "{}"},
                new String[]{"POST", "/api/v1/moderation/users/" + user.username() + "/suspend", "{\"reason\":\"x\"}"},
                new String[]{"POST", "/api/v1/moderation/users/" + user.username() + "/unsuspend", "{}"});
        for (String[] c : calls) {
            assertEquals(401, api.send(c[0], c[1], null, c[2]).status(), "anonymous " + c[1]);
            OndesApi.Response refused = api.send(c[0], c[1], user.bearer(), c[2]);
            assertEquals(403, refused.status(), "user " + c[1]);
            assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
        }
        assertEquals(200, api.get("/api/v1/moderation/stations", moderator.bearer()).status());
        assertEquals(200, api.get("/api/v1/moderation/users", admin.bearer()).status());
        assertEquals(404, post(moderator, "/stations/" + station + "/hide", "{\"reason\":\"x\"}").status());
    }

    @Test
    @SuppressWarnings("unchecked")
    void hidingTakesAStationOffEveryPublicListAtOnceAndUnhidingBringsItBack() {
        OndesApi.User owner = api.newUser();
        ListedStream s = listed(owner, "Spammy");
        try (SseClient feed = SseClient.open(base, "/api/v1/events?station=" + s.stationId())) {
            OndesApi.Response hidden = post(moderator, "/stations/" + s.stationId() + "/hide", "{\"reason\":\"spam <b>links</b>\"}");
            assertEquals(200, hidden.status(), hidden.body());
            Map<String, Object> hide = (Map<String, Object>) hidden.json().get("hiddenByModerator");
            assertEquals("spam <b>links</b>", hide.get("reason"), "plain text, escaped by whoever shows it");
            assertEquals(moderator.username(), hide.get("hiddenBy"));
            assertEquals(owner.username(), hidden.json().get("owner"));

            assertNull(api.listedStream(s.listenUrl()), "gone from /api/v1/streams when the call returns");
            assertEquals(404, api.get("/api/v1/stations/" + s.stationId(), null).status());
            assertFalse(api.get("/yp.xml", null).body().contains(s.listenUrl()));
            assertEquals(404, api.get("/stations/" + s.stationId() + "/listen.pls", null).status());
            assertFalse(api.get("/json/stations/search", null).body().contains(s.stationId()));
            SseClient.Message offline = feed.await(WAIT, "offline", s.sessionId());
            assertEquals("hidden", offline.json().get("reason"));

            Map<String, Object> mine = (Map<String, Object>) api.get("/api/v1/me/stations", owner.bearer()).jsonList().get(0);
            assertEquals("hidden by a moderator: spam <b>links</b>", mine.get("listingNote"));
            YpReplyHead touch = s.touch(api, owner, "Hidden Song", 7);
            assertTrue(touch.ok(), "Icecast keeps its SID: " + touch.raw());
            assertTrue(touch.message().startsWith("Updated server info. Not listed: hidden by a moderator: spam"), touch.raw());

            Map<String, Object> listedHidden = api.get("/api/v1/moderation/stations?hidden=true", moderator.bearer()).json();
            assertTrue(listedHidden.toString().contains(s.stationId()), listedHidden.toString());

            OndesApi.Response shown = post(admin, "/stations/" + s.stationId() + "/unhide", "{\"reason\":\"cleaned up\"}");
            assertEquals(200, shown.status(), shown.body());
            assertNull(shown.json().get("hiddenByModerator"));
            assertNotNull(api.listedStream(s.listenUrl()), "back in the catalog at once");
            assertEquals(200, api.get("/api/v1/stations/" + s.stationId(), null).status());
            SseClient.Message live = feed.await(WAIT, "live", s.sessionId());
            assertTrue(feed.messages().stream().filter(m -> m.idAsLong() > offline.idAsLong() && m.idAsLong() < live.idAsLong())
                    .noneMatch(m -> m.data().contains("Hidden Song")), "what a hidden station played stayed private: "
                    + feed.messages());
            assertFalse(api.get("/api/v1/moderation/stations?hidden=true", moderator.bearer()).body().contains(s.stationId()));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void suspendingEndsSessionsStreamsAndSignInsAtOnce() {
        String name = "susp_" + UUID.randomUUID().toString().substring(0, 8);
        CookieClient browser = new CookieClient(base).signedUp(name);
        String bearer = api.login(name, CookieClient.PASSWORD);
        String token = (String) browser.get("/api/v1/session").json().get("csrfToken");
        CookieClient.Page created = browser.json("POST", "/api/v1/me/yp-tokens", "{}", Map.of("X-CSRF-Token", token));
        OndesApi.User owner = new OndesApi.User(name, bearer, 0, (String) created.json().get("ypUrl"));
        ListedStream s = listed(owner, "Suspended FM");

        OndesApi.Response suspended = post(moderator, "/users/" + name + "/suspend", "{\"reason\":\"repeated spam\"}");
        assertEquals(200, suspended.status(), suspended.body());
        Map<String, Object> suspension = (Map<String, Object>) suspended.json().get("suspension");
        assertEquals("repeated spam", suspension.get("reason"));
        assertEquals(moderator.username(), suspension.get("suspendedBy"));

        assertNull(api.listedStream(s.listenUrl()), "the streams left the catalog");
        YpReplyHead touch = s.touch(api, owner, "x", 1);
        assertFalse(touch.ok());
        assertTrue(touch.message().contains("suspended by the directory's moderators"), touch.raw());
        YpReplyHead add = YpReplyHead.parse(api.ypRaw(owner.ypToken(), IcecastWire.add("Again", "x", s.listenUrl())));
        assertFalse(add.ok());
        assertTrue(add.message().startsWith("Add refused. Reason: the account that owns this YP token is suspended"), add.raw());

        assertEquals(401, browser.get("/api/v1/me/stations").status(), "the browser session ended");
        assertEquals(401, api.get("/api/v1/me/stations", bearer).status(), "the bearer token stopped working");
        OndesApi.Response login = api.send("POST", "/login", null,
                "{\"username\":\"" + name + "\",\"password\":\"" + CookieClient.PASSWORD + "\"}");
        assertEquals(401, login.status());
        assertTrue(String.valueOf(login.json().get("detail")).contains("suspended"), login.body());
        CookieClient again = new CookieClient(base);
        assertEquals("/signin?error=suspended", again.signIn(name, CookieClient.PASSWORD).location());
        assertEquals("/signin?error=credentials", again.signIn(name, "a wrong password").location(),
                "without the password, nobody learns that the account is suspended");
        assertTrue(api.get("/api/v1/moderation/users?suspended=true", moderator.bearer()).body().contains(name));

        OndesApi.Response lifted = post(moderator, "/users/" + name + "/unsuspend", "{}");
        assertEquals(200, lifted.status(), lifted.body());
        assertNull(lifted.json().get("suspension"));
        assertEquals(303, again.signIn(name, CookieClient.PASSWORD).status());
        assertNotNull(again.cookie("ondes_session"));
        assertTrue(YpReplyHead.parse(api.ypRaw(owner.ypToken(), IcecastWire.add("Back FM", "x", s.listenUrl()))).ok(),
                "the YP tokens work again");
        assertFalse(api.get("/api/v1/moderation/users?suspended=true", moderator.bearer()).body().contains(name));
    }

    @Test
    void moderatorsCannotSuspendStaffOrThemselves() {
        OndesApi.User otherModerator = api.newUser();
        assertEquals(200, api.send("PUT", "/api/v1/admin/users/" + otherModerator.username() + "/role", admin.bearer(),
                "{\"role\":\"moderator\"}").status());
        assertEquals(403, post(moderator, "/users/" + admin.username() + "/suspend", "{\"reason\":\"x\"}").status());
        assertEquals(403, post(moderator, "/users/" + otherModerator.username() + "/suspend", "{\"reason\":\"x\"}").status());
        OndesApi.Response self = post(moderator, "/users/" + moderator.username() + "/suspend", "{\"reason\":\"x\"}");
        assertEquals(403, self.status());
        assertTrue(String.valueOf(self.json().get("detail")).contains("your own account"), self.body());
        assertEquals(403, post(admin, "/users/" + admin.username() + "/suspend", "{\"reason\":\"x\"}").status());

        assertEquals(200, post(admin, "/users/" + otherModerator.username() + "/suspend", "{\"reason\":\"x\"}").status(),
                "admins can suspend moderators");
        assertEquals(403, post(moderator, "/users/" + otherModerator.username() + "/unsuspend", "{}").status());
        assertEquals(200, post(admin, "/users/" + otherModerator.username() + "/unsuspend", "{}").status());
    }

    @Test
    void badRequestsAreProblemsThatNameWhatIsWrong() {
        OndesApi.User owner = api.newUser();
        ListedStream s = listed(owner, "Reasons");
        Map<String, String> cases = Map.of(
                "/stations/" + s.stationId() + "/hide", "reason",
                "/stations/not-a-uuid/hide", "id",
                "/users/" + owner.username() + "/suspend", "reason");
        cases.forEach((path, field) -> {
            OndesApi.Response r = post(moderator, path, "{\"reason\":\"  \"}");
            assertEquals(400, r.status(), path + " " + r.body());
            assertTrue(String.valueOf(r.json().get("detail")).startsWith(field + ": "), r.body());
        });
        assertEquals(404, post(moderator, "/users/nobody_at_all/suspend", "{\"reason\":\"x\"}").status());
        for (String query : List.of("?limit=0", "?limit=201", "?offset=-1", "?hidden=yes", "?limit=ten")) {
            OndesApi.Response r = api.get("/api/v1/moderation/stations" + query, moderator.bearer());
            assertEquals(400, r.status(), query);
            assertTrue(r.contentType().startsWith("application/problem+json"));
        }
        assertEquals(400, api.get("/api/v1/moderation/users?suspended=maybe", moderator.bearer()).status());
        assertNotNull(api.listedStream(s.listenUrl()), "nothing was hidden by the refused calls");
    }

    @Test
    @SuppressWarnings("unchecked")
    void listsArePaged() {
        OndesApi.User owner = api.newUser();
        ListedStream a = listed(owner, "Page A");
        ListedStream b = listed(owner, "Page B");
        assertEquals(200, post(moderator, "/stations/" + a.stationId() + "/hide", "{\"reason\":\"a\"}").status());
        assertEquals(200, post(moderator, "/stations/" + b.stationId() + "/hide", "{\"reason\":\"b\"}").status());
        Map<String, Object> first = api.get("/api/v1/moderation/stations?hidden=true&limit=1", moderator.bearer()).json();
        Map<String, Object> second = api.get("/api/v1/moderation/stations?hidden=true&limit=1&offset=1", moderator.bearer()).json();
        assertTrue(((Number) first.get("total")).intValue() >= 2, first.toString());
        assertEquals(1, ((List<?>) first.get("items")).size());
        String firstId = (String) ((Map<String, Object>) ((List<?>) first.get("items")).get(0)).get("id");
        String secondId = (String) ((Map<String, Object>) ((List<?>) second.get("items")).get(0)).get("id");
        assertEquals(b.stationId(), firstId, "latest hidden first");
        assertEquals(a.stationId(), secondId);
        Map<String, Object> users = api.get("/api/v1/moderation/users?limit=2", admin.bearer()).json();
        assertEquals(2, ((List<?>) users.get("items")).size());
        assertTrue(((Number) users.get("total")).intValue() >= 3);
        post(moderator, "/stations/" + a.stationId() + "/unhide", "{}");
        post(moderator, "/stations/" + b.stationId() + "/unhide", "{}");
    }

    @Test
    void moderatingFromABrowserNeedsTheCsrfToken() {
        String name = "modb_" + UUID.randomUUID().toString().substring(0, 8);
        CookieClient browser = new CookieClient(base).signedUp(name);
        assertEquals(200, api.send("PUT", "/api/v1/admin/users/" + name + "/role", admin.bearer(),
                "{\"role\":\"moderator\"}").status());
        OndesApi.User owner = api.newUser();
        ListedStream s = listed(owner, "Csrf Target");
        String path = "/api/v1/moderation/stations/" + s.stationId() + "/hide";
        assertEquals(403, browser.json("POST", path, "{\"reason\":\"x\"}", Map.of()).status());
        assertNotNull(api.listedStream(s.listenUrl()), "a forged request hides nothing");
        String token = (String) browser.get("/api/v1/session").json().get("csrfToken");
        assertEquals(200, browser.json("POST", path, "{\"reason\":\"x\"}", Map.of("X-CSRF-Token", token)).status());
        assertNull(api.listedStream(s.listenUrl()));
    }
}
