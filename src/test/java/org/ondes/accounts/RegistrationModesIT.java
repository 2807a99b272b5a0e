package org.ondes.accounts;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.testkit.CookieClient;
import org.ondes.testkit.FreePorts;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.OndesInstance;
import org.ondes.testkit.TestDb;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Registration modes over HTTP: open, approval and invite-only sign-ups (allowed and refused), the first account of
 * an empty instance in every mode, accounts waiting for approval (no sign-in, no token, then approved or rejected),
 * who may read and set the mode, and the audit log entries of each step.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistrationModesIT {
    static final String PASSWORD = "long enough pw";
    OndesInstance ondes;
    OndesApi api;
    OndesApi.User admin;
    OndesApi.User moderator;
    OndesApi.User user;

    @BeforeAll
    void start() {
        ondes = OndesInstance.start(TestDb.newSchema(), FreePorts.next(), Map.of());
        api = ondes.api();
        admin = api.newUser(); // the first account: admin
        moderator = api.newUser();
        user = api.newUser();
        assertEquals(200, api.send("PUT", "/api/v1/admin/users/" + moderator.username() + "/role", admin.bearer(),
                "{\"role\":\"moderator\"}").status());
    }

    @AfterAll
    void stop() {
        ondes.close();
    }

    private static String name() {
        return "r" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private OndesApi.Response signUp(OndesApi on, String username) {
        return on.send("POST", "/api/v1/accounts", null,
                "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}");
    }

    private OndesApi.Response setMode(String bearer, String mode) {
        return api.send("PUT", "/api/v1/admin/registration", bearer, "{\"mode\":\"" + mode + "\"}");
    }

    private OndesApi.Response login(String username, String password) {
        return api.send("POST", "/login", null, "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    }

    private static boolean problem(OndesApi.Response r) {
        return r.contentType().startsWith("application/problem+json");
    }

    @Test
    void onlyAdminsSetTheModeAndEveryoneSeesIt() {
        try {
            assertEquals(401, api.get("/api/v1/admin/registration", null).status());
            assertEquals(403, api.get("/api/v1/admin/registration", user.bearer()).status());
            assertEquals(403, api.get("/api/v1/admin/registration", moderator.bearer()).status());
            assertEquals("open", api.get("/api/v1/admin/registration", admin.bearer()).json().get("mode"));
            assertEquals(401, setMode(null, "invite").status());
            assertEquals(403, setMode(user.bearer(), "invite").status());
            assertEquals(403, setMode(moderator.bearer(), "invite").status(), "moderators do not set the mode");
            assertEquals("open", api.get("/api/v1/instance", null).json().get("registration"));

            OndesApi.Response bad = setMode(admin.bearer(), "closed");
            assertEquals(400, bad.status(), bad.body());
            assertTrue(problem(bad) && String.valueOf(bad.json().get("detail")).startsWith("mode: "), bad.body());
            assertEquals(400, api.send("PUT", "/api/v1/admin/registration", admin.bearer(), "{}").status());

            OndesApi.Response set = setMode(admin.bearer(), "invite");
            assertEquals(200, set.status(), set.body());
            assertEquals("invite", set.json().get("mode"));
            assertEquals("invite", api.get("/api/v1/instance", null).json().get("registration"), "public");

            List<Map<String, Object>> log = audit("set_registration_mode");
            assertEquals("open -> invite", log.get(0).get("detail"));
            assertEquals("invite", log.get(0).get("target"));
            assertEquals(admin.username(), log.get(0).get("actor"));
        } finally {
            setMode(admin.bearer(), "open");
        }
    }

    @Test
    void openModeLetsAnyoneIn() {
        OndesApi.Response created = signUp(api, name());
        assertEquals(201, created.status(), created.body());
        assertEquals("active", created.json().get("state"));
        assertEquals("user", created.json().get("role"));
    }

    @Test
    void inviteOnlyModeRefusesSignUpsWithoutAnInvitation() {
        assertEquals(200, setMode(admin.bearer(), "invite").status());
        try {
            String username = name();
            OndesApi.Response refused = signUp(api, username);
            assertEquals(403, refused.status(), refused.body());
            assertTrue(problem(refused), refused.contentType());
            assertEquals("Invitation required", refused.json().get("title"));
            assertTrue(String.valueOf(refused.json().get("detail")).contains("by invitation only"), refused.body());
            assertEquals(401, login(username, PASSWORD).status(), "no account was made");

            CookieClient browser = new CookieClient(ondes.baseUrl());
            CookieClient.Page page = browser.signUp(name(), PASSWORD);
            assertEquals(303, page.status(), page.toString());
            assertEquals("/signup?error=invite_required", page.location());
            assertNull(browser.cookie("ondes_session"));
        } finally {
            setMode(admin.bearer(), "open");
        }
    }

    @Test
    void approvalModeKeepsNewAccountsOutUntilAModeratorApproves() {
        assertEquals(200, setMode(admin.bearer(), "approval").status());
        try {
            String username = name();
            OndesApi.Response created = signUp(api, username);
            assertEquals(201, created.status(), created.body());
            assertEquals("pending", created.json().get("state"));

            OndesApi.Response waiting = login(username, PASSWORD);
            assertEquals(401, waiting.status(), "no bearer token while pending");
            assertTrue(waiting.body().contains("waiting for a moderator's approval"), waiting.body());
            OndesApi.Response wrong = login(username, "not the password");
            assertEquals(401, wrong.status());
            assertTrue(!wrong.body().contains("approval"), "said only to someone with the right password: " + wrong.body());

            CookieClient browser = new CookieClient(ondes.baseUrl());
            CookieClient.Page signIn = browser.signIn(username, PASSWORD);
            assertEquals("/signin?error=pending", signIn.location(), signIn.toString());
            assertNull(browser.cookie("ondes_session"), "no browser session while pending");

            List<Object> queue = pendingNames(moderator.bearer());
            assertTrue(queue.contains(username), queue.toString());
            OndesApi.Response approved = api.send("POST", "/api/v1/moderation/accounts/" + username + "/approve",
                    moderator.bearer(), "{}");
            assertEquals(200, approved.status(), approved.body());
            assertEquals(username, approved.json().get("username"));
            assertTrue(!pendingNames(moderator.bearer()).contains(username));
            String bearer = api.login(username, PASSWORD);
            assertEquals(201, api.send("POST", "/api/v1/me/yp-tokens", bearer, "{}").status(), "a full account now");
            assertEquals(409, api.send("POST", "/api/v1/moderation/accounts/" + username + "/approve",
                    moderator.bearer(), "{}").status(), "approved once");

            List<Map<String, Object>> log = audit("approve_account");
            assertEquals(username, log.get(0).get("subject"));
            assertEquals(moderator.username(), log.get(0).get("actor"));
        } finally {
            setMode(admin.bearer(), "open");
        }
    }

    @Test
    void aRejectedAccountIsDeletedAndItsNameIsFreeAgain() {
        assertEquals(200, setMode(admin.bearer(), "approval").status());
        try {
            String username = name();
            assertEquals("pending", signUp(api, username).json().get("state"));
            OndesApi.Response rejected = api.send("POST", "/api/v1/moderation/accounts/" + username + "/reject",
                    admin.bearer(), "{\"reason\":\"spam name\"}");
            assertEquals(204, rejected.status(), rejected.body());
            assertEquals(401, login(username, PASSWORD).status());
            assertTrue(!login(username, PASSWORD).body().contains("approval"), "the account is gone");
            assertEquals(404, api.send("POST", "/api/v1/moderation/accounts/" + username + "/approve",
                    admin.bearer(), "{}").status());
            Map<String, Object> entry = audit("reject_account").get(0);
            assertEquals(username, entry.get("subject"));
            assertEquals("spam name", entry.get("reason"));
            assertEquals(201, signUp(api, username).status(), "the name can be taken again");
        } finally {
            setMode(admin.bearer(), "open");
        }
    }

    @Test
    void theQueueAndItsActionsAreForModeratorsAndAdminsOnly() {
        String target = user.username();
        for (String path : List.of("/api/v1/moderation/accounts/" + target + "/approve",
                "/api/v1/moderation/accounts/" + target + "/reject")) {
            assertEquals(401, api.send("POST", path, null, "{}").status(), path);
            assertEquals(403, api.send("POST", path, user.bearer(), "{}").status(), path);
        }
        assertEquals(401, api.get("/api/v1/moderation/accounts/pending", null).status());
        assertEquals(403, api.get("/api/v1/moderation/accounts/pending", user.bearer()).status());
        assertEquals(200, api.get("/api/v1/moderation/accounts/pending", moderator.bearer()).status());
        assertEquals(200, api.get("/api/v1/moderation/accounts/pending", admin.bearer()).status());
        OndesApi.Response active = api.send("POST", "/api/v1/moderation/accounts/" + target + "/reject",
                moderator.bearer(), "{}");
        assertEquals(409, active.status(), "an active account is not rejected: " + active.body());
        assertTrue(problem(active));
        assertEquals(200, api.get("/api/v1/session", user.bearer()).status(), "and it still exists");
        assertEquals(400, api.get("/api/v1/moderation/accounts/pending?limit=0", admin.bearer()).status());
    }

    @Test
    void theFirstAccountOfAnEmptyInstanceGetsInInEveryMode() {
        for (String mode : List.of("approval", "invite")) {
            try (OndesInstance fresh = OndesInstance.start(TestDb.newSchema(), FreePorts.next(),
                    Map.of("ondes.registration.mode", mode))) {
                OndesApi freshApi = fresh.api();
                assertEquals(mode, freshApi.get("/api/v1/instance", null).json().get("registration"),
                        "ONDES_REGISTRATION_MODE decides a new instance's mode");
                String first = name();
                OndesApi.Response created = signUp(freshApi, first);
                assertEquals(201, created.status(), mode + ": " + created.body());
                assertEquals("admin", created.json().get("role"));
                assertEquals("active", created.json().get("state"), mode + ": no approval, no invitation");
                freshApi.login(first, PASSWORD);
                OndesApi.Response second = signUp(freshApi, name());
                assertEquals(mode.equals("invite") ? 403 : 201, second.status(), mode + ": " + second.body());
                if (mode.equals("approval")) {
                    assertEquals("pending", second.json().get("state"));
                }
            }
        }
    }

    @Test
    void everyInstanceOnTheDatabaseFollowsTheStoredModeAndTheVariableOnlySetsANewOnesFirst() {
        TestDb.Schema db = TestDb.newSchema();
        try (OndesInstance first = OndesInstance.start(db, FreePorts.next(), Map.of("ondes.registration.mode", "approval"));
             OndesInstance second = OndesInstance.start(db, FreePorts.next(), Map.of("ondes.registration.mode", "open"))) {
            assertEquals("approval", second.api().get("/api/v1/instance", null).json().get("registration"),
                    "the second instance's variable does not override the stored mode");
            String root = name();
            assertEquals(201, signUp(first.api(), root).status());
            String bearer = first.api().login(root, PASSWORD);
            assertEquals(200, first.api().send("PUT", "/api/v1/admin/registration", bearer, "{\"mode\":\"invite\"}")
                    .status());
            assertEquals("invite", second.api().get("/api/v1/instance", null).json().get("registration"), "at once");
            assertEquals(403, signUp(second.api(), name()).status(), "and the other instance enforces it");
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object> pendingNames(String bearer) {
        OndesApi.Response r = api.get("/api/v1/moderation/accounts/pending", bearer);
        assertEquals(200, r.status(), r.body());
        return ((List<Map<String, Object>>) r.json().get("items")).stream().map(m -> m.get("username")).map(Object.class::cast).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> audit(String action) {
        OndesApi.Response r = api.get("/api/v1/admin/audit?action=" + action, admin.bearer());
        assertEquals(200, r.status(), r.body());
        List<Map<String, Object>> items = (List<Map<String, Object>>) r.json().get("items");
        assertTrue(!items.isEmpty(), "no " + action + " in the audit log");
        return items;
    }
}
