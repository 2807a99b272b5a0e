package org.ondes.moderation;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.testkit.CookieClient;
import org.ondes.testkit.FreePorts;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.OndesInstance;
import org.ondes.testkit.TestDb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Roles: the first account is admin, admins give roles, the last admin stays, and changes apply to live logins at once. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RolesIT {
    OndesInstance ondes;
    OndesApi api;
    OndesApi.User admin;

    @BeforeAll
    void start() {
        ondes = OndesInstance.start(TestDb.newSchema(), FreePorts.next(), Map.of());
        api = ondes.api();
        admin = api.newUser();
    }

    @AfterAll
    void stop() {
        ondes.close();
    }

    private OndesApi.Response setRole(String bearer, String username, String role) {
        return api.send("PUT", "/api/v1/admin/users/" + username + "/role", bearer, "{\"role\":\"" + role + "\"}");
    }

    private String role(OndesApi.User user) {
        return (String) api.get("/api/v1/session", user.bearer()).json().get("role");
    }

    @Test
    void theFirstAccountOfAnInstanceIsAdminAndLaterOnesAreUsers() {
        assertEquals("admin", role(admin));
        assertEquals("user", role(api.newUser()));
        OndesApi.Response created = api.send("POST", "/api/v1/accounts", null,
                "{\"username\":\"later_" + UUID.randomUUID().toString().substring(0, 8) + "\",\"password\":\"long enough pw\"}");
        assertEquals("user", created.json().get("role"));
    }

    @Test
    void concurrentFirstSignUpsMakeExactlyOneAdmin() throws Exception {
        try (OndesInstance fresh = OndesInstance.start(TestDb.newSchema(), FreePorts.next(), Map.of())) {
            OndesApi freshApi = fresh.api();
            int n = 6;
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(n);
            try {
                List<Future<OndesApi.Response>> results = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    String name = "racer_" + i;
                    results.add(pool.submit(() -> {
                        go.await();
                        return freshApi.send("POST", "/api/v1/accounts", null,
                                "{\"username\":\"" + name + "\",\"password\":\"long enough pw\"}");
                    }));
                }
                go.countDown();
                List<Object> roles = new ArrayList<>();
                for (Future<OndesApi.Response> f : results) {
                    OndesApi.Response r = f.get();
                    assertEquals(201, r.status(), r.body());
                    roles.add(r.json().get("role"));
                }
                assertEquals(1, roles.stream().filter("admin"::equals).count(), roles.toString());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void onlyAdminsGiveRoles() {
        OndesApi.User target = api.newUser();
        OndesApi.User user = api.newUser();
        OndesApi.User moderator = api.newUser();
        assertEquals(200, setRole(admin.bearer(), moderator.username(), "moderator").status());
        assertEquals(401, setRole(null, target.username(), "moderator").status());
        assertEquals(403, setRole(user.bearer(), target.username(), "moderator").status());
        assertEquals(403, setRole(moderator.bearer(), target.username(), "moderator").status(), "moderators do not");
        assertEquals(403, setRole(user.bearer(), user.username(), "admin").status(), "nobody promotes themselves");
        assertEquals("user", role(target));

        OndesApi.Response ok = setRole(admin.bearer(), target.username(), "moderator");
        assertEquals(200, ok.status(), ok.body());
        assertEquals("moderator", ok.json().get("role"));
        assertEquals(target.username(), ok.json().get("username"));

        OndesApi.Response bad = setRole(admin.bearer(), target.username(), "superuser");
        assertEquals(400, bad.status());
        assertTrue(String.valueOf(bad.json().get("detail")).startsWith("role: "), bad.body());
        assertEquals(404, setRole(admin.bearer(), "nobody_here", "moderator").status());
    }

    @Test
    void theLastAdminCannotStepDown() {
        OndesApi.Response alone = setRole(admin.bearer(), admin.username(), "user");
        assertEquals(409, alone.status(), alone.body());
        assertTrue(alone.contentType().startsWith("application/problem+json"));
        assertEquals("admin", role(admin));

        OndesApi.User second = api.newUser();
        assertEquals(200, setRole(admin.bearer(), second.username(), "admin").status());
        assertEquals(200, setRole(second.bearer(), admin.username(), "moderator").status(), "with two admins, one may go");
        assertEquals(409, setRole(second.bearer(), second.username(), "user").status());
        assertEquals(200, setRole(second.bearer(), admin.username(), "admin").status());
    }

    @Test
    void roleChangesApplyAtOnceToBearerTokensAndBrowserSessions() {
        OndesApi.User user = api.newUser();
        String name = "rb_" + UUID.randomUUID().toString().substring(0, 8);
        CookieClient browser = new CookieClient(ondes.baseUrl()).signedUp(name);
        assertEquals(403, api.get("/api/v1/moderation/users", user.bearer()).status());
        assertEquals(403, browser.get("/api/v1/moderation/users").status());

        assertEquals(200, setRole(admin.bearer(), user.username(), "moderator").status());
        assertEquals(200, setRole(admin.bearer(), name, "moderator").status());
        assertEquals(200, api.get("/api/v1/moderation/users", user.bearer()).status(), "the same bearer token, no new login");
        assertEquals(200, browser.get("/api/v1/moderation/users").status(), "the same browser session");
        assertEquals("moderator", browser.get("/api/v1/session").json().get("role"));

        assertEquals(200, setRole(admin.bearer(), user.username(), "user").status());
        assertEquals(403, api.get("/api/v1/moderation/users", user.bearer()).status(), "demotion applies at once too");
    }
}
