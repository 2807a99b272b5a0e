package org.ondes.moderation;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.testkit.FakeIcecastMount;
import org.ondes.testkit.ListedStream;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.TestDb;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reports over real HTTP: anyone files one, the per-address limit, bad input as problems, and the moderators' queue
 * (list, resolve, dismiss, roles). Each test speaks for its own client address through a trusted X-Forwarded-For.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsIT implements TestPropertyProvider {
    @Inject
    EmbeddedServer server;
    OndesApi api;
    FakeIcecastMount mount;
    OndesApi.User admin;
    OndesApi.User moderator;
    OndesApi.User owner;
    ListedStream station;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(TestDb.properties());
        p.put("ondes.trusted-proxies", "127.0.0.1");
        p.put("ondes.limits.reports-per-hour", "3");
        return p;
    }

    @BeforeAll
    void start() throws Exception {
        api = new OndesApi(server.getPort());
        mount = new FakeIcecastMount();
        admin = api.newUser();
        moderator = api.newUser();
        assertEquals(200, api.send("PUT", "/api/v1/admin/users/" + moderator.username() + "/role", admin.bearer(),
                "{\"role\":\"moderator\"}").status());
        owner = api.newUser();
        station = ListedStream.announce(api, owner, mount, "Reported FM " + UUID.randomUUID().toString().substring(0, 8),
                "/" + UUID.randomUUID() + ".ogg");
    }

    @AfterAll
    void stop() throws Exception {
        mount.close();
    }

    private static int client;

    /** A fresh client address for each call site that must not share the limit with others. */
    private static synchronized String freshClient() {
        client++;
        return "198.51.100." + client;
    }

    private OndesApi.Response report(String stationId, String json, String from, String bearer) {
        return api.send("POST", "/api/v1/stations/" + stationId + "/reports", bearer, json, Map.of("X-Forwarded-For", from));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> items(OndesApi.Response page) {
        assertEquals(200, page.status(), page.body());
        return (List<Map<String, Object>>) page.json().get("items");
    }

    @Test
    void anyoneReportsAStationAndBadReportsAreProblemsNamingTheField() {
        String from = freshClient();
        OndesApi.Response anonymous = report(station.stationId(), "{\"reason\":\"broken_stream\",\"text\":\"Silence since noon\"}",
                from, null);
        assertEquals(201, anonymous.status(), anonymous.body());
        assertEquals(station.stationId(), anonymous.json().get("stationId"));
        assertEquals("broken_stream", anonymous.json().get("reason"));
        assertNotNull(anonymous.json().get("receivedAt"));
        assertEquals(201, report(station.stationId(), "{\"reason\":\"spam\"}", freshClient(), api.newUser().bearer()).status(),
                "signed in too, and the text is optional");

        Map<String, String> bad = Map.of(
                "{\"reason\":\"boring\"}", "reason",
                "{}", "reason",
                "{\"reason\":\"other\"}", "text",
                "{\"reason\":\"other\",\"text\":\"" + "x".repeat(1001) + "\"}", "text");
        bad.forEach((json, field) -> {
            OndesApi.Response r = report(station.stationId(), json, freshClient(), null);
            assertEquals(400, r.status(), json + " -> " + r.body());
            assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
            assertTrue(String.valueOf(r.json().get("detail")).startsWith(field + ": "), r.body());
        });
        assertEquals(201, report(station.stationId(), "{\"reason\":\"other\",\"text\":\"" + "x".repeat(1000) + "\"}",
                freshClient(), null).status(), "1,000 characters are fine");
        assertEquals(400, report("not-a-uuid", "{\"reason\":\"spam\"}", freshClient(), null).status());
        assertEquals(404, report(UUID.randomUUID().toString(), "{\"reason\":\"spam\"}", freshClient(), null).status());
    }

    @Test
    void reportsPerAddressAreLimitedAndTheRefusalSaysForHowLong() {
        String from = freshClient();
        for (int i = 1; i <= 3; i++) {
            assertEquals(201, report(station.stationId(), "{\"reason\":\"spam\"}", from, null).status(), "report " + i);
        }
        OndesApi.Response refused = report(station.stationId(), "{\"reason\":\"spam\"}", from, null);
        assertEquals(429, refused.status(), refused.body());
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
        assertNotNull(refused.header("Retry-After"));
        assertTrue(String.valueOf(refused.json().get("detail")).startsWith("too many reports from your address (more than 3 an hour)"),
                refused.body());
        assertEquals(201, report(station.stationId(), "{\"reason\":\"spam\"}", freshClient(), null).status(),
                "the limit is per address");
    }

    @Test
    void hiddenStationsCannotBeReportedButUnlistedOnesCan() {
        OndesApi.User other = api.newUser();
        ListedStream hidden = ListedStream.announce(api, other, mount, "Hidden " + UUID.randomUUID().toString().substring(0, 8),
                "/" + UUID.randomUUID() + ".ogg");
        assertEquals(200, api.send("POST", "/api/v1/moderation/stations/" + hidden.stationId() + "/hide", moderator.bearer(),
                "{\"reason\":\"x\"}").status());
        assertEquals(404, report(hidden.stationId(), "{\"reason\":\"spam\"}", freshClient(), null).status());
        ListedStream unlisted = ListedStream.announce(api, other, mount, "Unlisted " + UUID.randomUUID().toString().substring(0, 8),
                "/" + UUID.randomUUID() + ".ogg");
        assertEquals(200, api.send("PATCH", "/api/v1/me/stations/" + unlisted.stationId(), other.bearer(),
                "{\"hidden\":true}").status());
        assertEquals(201, report(unlisted.stationId(), "{\"reason\":\"spam\"}", freshClient(), null).status());
    }

    @Test
    void moderatorsWorkThroughTheQueue() {
        OndesApi.User other = api.newUser();
        ListedStream target = ListedStream.announce(api, other, mount, "Queue " + UUID.randomUUID().toString().substring(0, 8),
                "/" + UUID.randomUUID() + ".ogg");
        String markup = "<script>alert(1)</script> plays\r\nadverts";
        assertEquals(201, report(target.stationId(), "{\"reason\":\"abusive_metadata\",\"text\":\"" + markup.replace("\r\n", "\\r\\n")
                + "\"}", freshClient(), null).status());
        assertEquals(201, report(target.stationId(), "{\"reason\":\"spam\"}", freshClient(), null).status());

        List<Map<String, Object>> open = items(api.get("/api/v1/moderation/reports?state=open&limit=200", moderator.bearer()));
        List<Map<String, Object>> mine = open.stream().filter(r -> target.stationId().equals(r.get("stationId"))).toList();
        assertEquals(2, mine.size(), open.toString());
        Map<String, Object> abusive = mine.stream().filter(r -> "abusive_metadata".equals(r.get("reason"))).findFirst().orElseThrow();
        assertEquals("<script>alert(1)</script> plays adverts", abusive.get("text"), "stored as one line of plain text");
        assertEquals(2, ((Number) abusive.get("openForStation")).intValue());
        assertTrue(String.valueOf(abusive.get("stationName")).startsWith("Queue "));
        assertEquals("open", abusive.get("state"));
        long id = ((Number) abusive.get("id")).longValue();

        OndesApi.Response resolved = api.send("POST", "/api/v1/moderation/reports/" + id + "/resolve", moderator.bearer(),
                "{\"note\":\"renamed the station\"}");
        assertEquals(200, resolved.status(), resolved.body());
        assertEquals("resolved", resolved.json().get("state"));
        assertEquals(moderator.username(), resolved.json().get("closedBy"));
        assertEquals("renamed the station", resolved.json().get("note"));
        assertEquals(1, ((Number) resolved.json().get("openForStation")).intValue());
        OndesApi.Response again = api.send("POST", "/api/v1/moderation/reports/" + id + "/dismiss", admin.bearer(), "{}");
        assertEquals(409, again.status(), again.body());
        assertTrue(String.valueOf(again.json().get("detail")).contains("already resolved"), again.body());

        long spam = ((Number) mine.stream().filter(r -> "spam".equals(r.get("reason"))).findFirst().orElseThrow()
                .get("id")).longValue();
        OndesApi.Response dismissed = api.send("POST", "/api/v1/moderation/reports/" + spam + "/dismiss", admin.bearer(), null);
        assertEquals(200, dismissed.status(), dismissed.body());
        assertEquals("dismissed", dismissed.json().get("state"));
        assertNull(dismissed.json().get("note"));

        assertTrue(items(api.get("/api/v1/moderation/reports?limit=200", moderator.bearer())).stream()
                .noneMatch(r -> target.stationId().equals(r.get("stationId"))), "open is the default");
        assertEquals(1, items(api.get("/api/v1/moderation/reports?state=resolved", moderator.bearer())).stream()
                .filter(r -> target.stationId().equals(r.get("stationId"))).count());
        assertEquals(2, items(api.get("/api/v1/moderation/reports?state=all&limit=200", moderator.bearer())).stream()
                .filter(r -> target.stationId().equals(r.get("stationId"))).count());
        assertEquals(400, api.get("/api/v1/moderation/reports?state=closed", moderator.bearer()).status());
        assertEquals(404, api.send("POST", "/api/v1/moderation/reports/999999/resolve", moderator.bearer(), "{}").status());
        assertEquals(400, api.send("POST", "/api/v1/moderation/reports/x/resolve", moderator.bearer(), "{}").status());
    }

    @Test
    void onlyModeratorsAndAdminsSeeTheQueue() {
        OndesApi.User user = api.newUser();
        List<String[]> calls = List.of(
                new String[]{"GET", "/api/v1/moderation/reports"},
                new String[]{"GET", "/api/v1/moderation/reports?state=all"},
                new String[]{"POST", "/api/v1/moderation/reports/1/resolve"},
                new String[]{"POST", "/api/v1/moderation/reports/1/dismiss"});
        for (String[] c : calls) {
            String body = c[0].equals("POST") ? "{}" : null;
            assertEquals(401, api.send(c[0], c[1], null, body).status(), "anonymous " + c[1]);
            OndesApi.Response refused = api.send(c[0], c[1], user.bearer(), body);
            assertEquals(403, refused.status(), "user " + c[1]);
            assertTrue(refused.contentType().startsWith("application/problem+json"));
        }
        assertEquals(200, api.get("/api/v1/moderation/reports", moderator.bearer()).status());
        assertEquals(200, api.get("/api/v1/moderation/reports", admin.bearer()).status());
    }
}
