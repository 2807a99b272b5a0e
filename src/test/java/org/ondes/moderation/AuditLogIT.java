package org.ondes.moderation;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.testkit.FreePorts;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.OndesInstance;
import org.ondes.testkit.TestDb;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Admins read every moderation and admin action, newest first, filtered by kind or actor; nobody else can. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditLogIT {
    OndesInstance ondes;
    OndesApi api;
    OndesApi.User admin;

    @BeforeAll
    void start() {
        ondes = OndesInstance.start(TestDb.newSchema(), FreePorts.next(), Map.of());
        api = ondes.api();
        admin = api.newUser(); // the first account is admin
    }

    @AfterAll
    void stop() {
        ondes.close();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(OndesApi.Response r) {
        return (List<Map<String, Object>>) r.json().get("items");
    }

    @Test
    void adminsSeeEveryActionNewestFirstAndCanNarrowItDown() {
        OndesApi.User moderator = api.newUser();
        OndesApi.User spammer = api.newUser();
        assertEquals(200, api.send("PUT", "/api/v1/admin/users/" + moderator.username() + "/role", admin.bearer(),
                "{\"role\":\"moderator\",\"reason\":\"helps with the queue\"}").status());
        assertEquals(200, api.send("POST", "/api/v1/moderation/users/" + spammer.username() + "/suspend",
                moderator.bearer(), "{\"reason\":\"spam <b>links</b>\"}").status());

        OndesApi.Response all = api.get("/api/v1/admin/audit", admin.bearer());
        assertEquals(200, all.status(), all.body());
        List<Map<String, Object>> entries = items(all);
        assertTrue(((Number) all.json().get("total")).intValue() >= 2);
        assertEquals("suspend_account", entries.get(0).get("action"), "newest first");
        assertEquals(moderator.username(), entries.get(0).get("actor"));
        assertEquals("spam <b>links</b>", entries.get(0).get("reason"), "stored and returned as plain text in JSON");
        assertEquals("change_role", entries.get(1).get("action"));
        assertEquals(admin.username(), entries.get(1).get("actor"));

        List<Map<String, Object>> roles = items(api.get("/api/v1/admin/audit?action=change_role", admin.bearer()));
        assertTrue(roles.stream().allMatch(e -> "change_role".equals(e.get("action"))) && !roles.isEmpty(), roles.toString());
        List<Map<String, Object>> byModerator = items(api.get("/api/v1/admin/audit?actor=" + moderator.username(), admin.bearer()));
        assertEquals(1, byModerator.size(), byModerator.toString());
        assertEquals(1, items(api.get("/api/v1/admin/audit?limit=1", admin.bearer())).size());
    }

    @Test
    void onlyAdminsReadItAndBadFiltersAreNamed() {
        OndesApi.User user = api.newUser();
        OndesApi.User moderator = api.newUser();
        api.send("PUT", "/api/v1/admin/users/" + moderator.username() + "/role", admin.bearer(), "{\"role\":\"moderator\"}");
        assertEquals(401, api.get("/api/v1/admin/audit", null).status());
        assertEquals(403, api.get("/api/v1/admin/audit", user.bearer()).status());
        assertEquals(403, api.get("/api/v1/admin/audit", moderator.bearer()).status());
        for (String[] bad : new String[][]{{"action=delete_everything", "action"}, {"limit=0", "limit"},
                {"offset=-1", "offset"}, {"actor=" + "x".repeat(101), "actor"}}) {
            OndesApi.Response r = api.get("/api/v1/admin/audit?" + bad[0], admin.bearer());
            assertEquals(400, r.status(), bad[0] + " -> " + r.body());
            assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
            assertEquals(bad[1], ((Map<?, ?>) ((List<?>) r.json().get("errors")).get(0)).get("name"), r.body());
        }
    }
}
