package org.ondes.accounts;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.testkit.FreePorts;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.OndesInstance;
import org.ondes.testkit.TestDb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Invitations over HTTP on an invite-only instance: a valid link makes an account (and records who invited whom),
 * expired, revoked, used-up and unknown ones are refused with a problem naming why, concurrent uses of a single-use
 * invitation make exactly one account, an invitation skips approval, and only moderators and admins manage them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvitesIT {
    static final String PASSWORD = "long enough pw";
    TestDb.Schema db;
    OndesInstance ondes;
    OndesApi api;
    OndesApi.User admin;
    OndesApi.User moderator;
    OndesApi.User user;

    @BeforeAll
    void start() {
        db = TestDb.newSchema();
        ondes = OndesInstance.start(db, FreePorts.next(), Map.of("ondes.public-url", "https://ondes.example.org/",
                "ondes.registration.mode", "invite"));
        api = ondes.api();
        admin = api.newUser(); // the first account needs no invitation
        moderator = invited(create(admin.bearer(), "{}"));
        user = invited(create(admin.bearer(), "{}"));
        assertEquals(200, api.send("PUT", "/api/v1/admin/users/" + moderator.username() + "/role", admin.bearer(),
                "{\"role\":\"moderator\"}").status());
    }

    @AfterAll
    void stop() {
        ondes.close();
    }

    private static String name() {
        return "i" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** Creates an invitation and returns the answer's JSON (201 asserted). */
    private Map<String, Object> create(String bearer, String json) {
        OndesApi.Response r = api.send("POST", "/api/v1/moderation/invites", bearer, json);
        assertEquals(201, r.status(), r.body());
        return r.json();
    }

    private static String code(Map<String, Object> invite) {
        String url = (String) invite.get("url");
        return url.substring(url.indexOf("invite=") + "invite=".length());
    }

    private OndesApi.Response signUp(String username, String code) {
        return api.send("POST", "/api/v1/accounts", null, "{\"username\":\"" + username + "\",\"password\":\""
                + PASSWORD + "\",\"invite\":\"" + code + "\"}");
    }

    private OndesApi.User invited(Map<String, Object> invite) {
        String username = name();
        OndesApi.Response r = signUp(username, code(invite));
        assertEquals(201, r.status(), r.body());
        return new OndesApi.User(username, api.login(username, PASSWORD), 0, null);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> listed(long id) {
        OndesApi.Response r = api.get("/api/v1/moderation/invites?limit=200", moderator.bearer());
        assertEquals(200, r.status(), r.body());
        return ((List<Map<String, Object>>) r.json().get("items")).stream()
                .filter(m -> ((Number) m.get("id")).longValue() == id).findFirst().orElseThrow();
    }

    private static long id(Map<String, Object> invite) {
        return ((Number) invite.get("id")).longValue();
    }

    private static void refusedAs(OndesApi.Response r, int status, String title) {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertEquals(title, r.json().get("title"), r.body());
        assertTrue(r.body().contains("\"invite\""), "the problem names the field: " + r.body());
    }

    @Test
    void aValidInvitationMakesAnActiveAccountAndRecordsWhoInvitedWhom() {
        Map<String, Object> invite = create(moderator.bearer(),
                "{\"maxUses\":2,\"expiresInHours\":24,\"note\":\"for <b>the</b> jazz crew\"}");
        assertTrue(((String) invite.get("url")).matches("https://ondes\\.example\\.org/signup\\?invite=[A-Za-z0-9_-]{43}"),
                invite.toString());
        assertEquals(2, ((Number) invite.get("maxUses")).intValue());
        String username = name();
        OndesApi.Response created = signUp(username, code(invite));
        assertEquals(201, created.status(), created.body());
        assertEquals("active", created.json().get("state"));
        assertEquals("user", created.json().get("role"));
        api.login(username, PASSWORD);

        Map<String, Object> listed = listed(id(invite));
        assertEquals(1, ((Number) listed.get("uses")).intValue());
        assertEquals("active", listed.get("state"));
        assertEquals(List.of(username), listed.get("usedBy"));
        assertEquals(moderator.username(), listed.get("createdBy"));
        assertEquals("for <b>the</b> jazz crew", listed.get("note"), "text as typed, escaped by every page");
        assertFalse(api.get("/api/v1/moderation/invites", moderator.bearer()).body().contains(code(invite)),
                "the code is shown once, never listed");
    }

    @Test
    void usedUpExpiredRevokedAndUnknownInvitationsAreRefusedSayingWhy() throws Exception {
        Map<String, Object> once = create(admin.bearer(), "{}");
        assertEquals(201, signUp(name(), code(once)).status());
        refusedAs(signUp(name(), code(once)), 410, "Invitation used up");
        assertEquals("used_up", listed(id(once)).get("state"));

        Map<String, Object> expiring = create(admin.bearer(), "{\"expiresInHours\":1}");
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "UPDATE " + db.name() + ".accounts_invites SET expires_at = now() - interval '1 minute' WHERE id = ?")) {
            ps.setLong(1, id(expiring));
            assertEquals(1, ps.executeUpdate());
        }
        refusedAs(signUp(name(), code(expiring)), 410, "Invitation expired");

        Map<String, Object> revoked = create(admin.bearer(), "{\"maxUses\":5}");
        OndesApi.Response revoke = api.send("DELETE", "/api/v1/moderation/invites/" + id(revoked), moderator.bearer(), null);
        assertEquals(200, revoke.status(), revoke.body());
        assertEquals("revoked", revoke.json().get("state"));
        refusedAs(signUp(name(), code(revoked)), 410, "Invitation revoked");
        assertEquals(409, api.send("DELETE", "/api/v1/moderation/invites/" + id(revoked), moderator.bearer(), null)
                .status(), "revoked once");
        assertEquals(404, api.send("DELETE", "/api/v1/moderation/invites/999999", moderator.bearer(), null).status());
        assertEquals(400, api.send("DELETE", "/api/v1/moderation/invites/abc", moderator.bearer(), null).status());

        refusedAs(signUp(name(), "A".repeat(43)), 400, "Invalid invitation");
        refusedAs(signUp(name(), "<script>"), 400, "Invalid invitation");

        List<Map<String, Object>> log = audit("revoke_invite");
        assertEquals(String.valueOf(id(revoked)), log.get(0).get("target"));
        assertEquals(moderator.username(), log.get(0).get("actor"));
        assertTrue(audit("create_invite").stream().anyMatch(e -> String.valueOf(id(once)).equals(e.get("target"))));
    }

    @Test
    void concurrentUsesOfASingleUseInvitationMakeExactlyOneAccount() throws Exception {
        String code = code(create(moderator.bearer(), "{\"maxUses\":1}"));
        int n = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<OndesApi.Response>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String username = "race_" + i + "_" + name().substring(0, 6);
                results.add(pool.submit(() -> {
                    go.await();
                    return signUp(username, code);
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<OndesApi.Response> f : results) {
                statuses.add(f.get(60, TimeUnit.SECONDS).status());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(n - 1, statuses.stream().filter(s -> s == 410).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anInvitationSkipsApprovalInApprovalMode() {
        assertEquals(200, api.send("PUT", "/api/v1/admin/registration", admin.bearer(), "{\"mode\":\"approval\"}").status());
        try {
            String username = name();
            OndesApi.Response created = signUp(username, code(create(moderator.bearer(), "{}")));
            assertEquals(201, created.status(), created.body());
            assertEquals("active", created.json().get("state"));
            api.login(username, PASSWORD);
            OndesApi.Response withoutInvite = api.send("POST", "/api/v1/accounts", null,
                    "{\"username\":\"" + name() + "\",\"password\":\"" + PASSWORD + "\"}");
            assertEquals("pending", withoutInvite.json().get("state"));
        } finally {
            api.send("PUT", "/api/v1/admin/registration", admin.bearer(), "{\"mode\":\"invite\"}");
        }
    }

    @Test
    void onlyModeratorsAndAdminsManageInvitationsWithCheckedTerms() {
        assertEquals(401, api.send("POST", "/api/v1/moderation/invites", null, "{}").status());
        assertEquals(403, api.send("POST", "/api/v1/moderation/invites", user.bearer(), "{}").status());
        assertEquals(401, api.get("/api/v1/moderation/invites", null).status());
        assertEquals(403, api.get("/api/v1/moderation/invites", user.bearer()).status());
        long id = id(create(admin.bearer(), "{}"));
        assertEquals(401, api.send("DELETE", "/api/v1/moderation/invites/" + id, null, null).status());
        assertEquals(403, api.send("DELETE", "/api/v1/moderation/invites/" + id, user.bearer(), null).status());
        assertEquals("active", listed(id).get("state"), "still usable after the refused attempts");
        assertEquals(201, api.send("POST", "/api/v1/moderation/invites", moderator.bearer(), null).status(),
                "no body: the defaults");

        for (String[] bad : new String[][]{{"{\"maxUses\":0}", "maxUses"}, {"{\"maxUses\":1001}", "maxUses"},
                {"{\"expiresInHours\":0}", "expiresInHours"}, {"{\"expiresInHours\":8761}", "expiresInHours"}}) {
            OndesApi.Response r = api.send("POST", "/api/v1/moderation/invites", moderator.bearer(), bad[0]);
            assertEquals(400, r.status(), bad[0] + " -> " + r.body());
            assertTrue(String.valueOf(r.json().get("detail")).startsWith(bad[1] + ": "), r.body());
        }
        OndesApi.Response wrongType = api.send("POST", "/api/v1/moderation/invites", moderator.bearer(),
                "{\"maxUses\":\"many\"}");
        assertEquals(400, wrongType.status(), wrongType.body());
        assertTrue(wrongType.contentType().startsWith("application/problem+json"), wrongType.contentType());
    }

    @Test
    void hostileInputToTheNewRoutesGetsProblemsNeverServerErrors() {
        String[] bodies = {"{\"maxUses\":1e20}", "{\"maxUses\":-99999999999}", "{\"expiresInHours\":2147483648}",
                "{\"note\":\"\\u0000\\u202e<script>alert(1)</script>\"}", "{\"maxUses\":", "[1,2]", "null",
                "{\"maxUses\":[1]}", "{\"invite\":{\"a\":1}}", "\"just a string\""};
        List<String> failures = new ArrayList<>();
        for (String body : bodies) {
            for (String[] route : new String[][]{{"POST", "/api/v1/moderation/invites"}, {"PUT", "/api/v1/admin/registration"},
                    {"POST", "/api/v1/accounts"}, {"POST", "/api/v1/moderation/accounts/nobody_here/reject"}}) {
                OndesApi.Response r = api.send(route[0], route[1], admin.bearer(), body);
                if (r.status() >= 500 || (r.status() >= 400 && !r.contentType().startsWith("application/problem+json"))) {
                    failures.add(route[0] + " " + route[1] + " " + body + " -> " + r.status() + " " + r.body());
                }
            }
        }
        for (String invite : new String[]{"%00", "A".repeat(5000), "\u0000", "../../etc/passwd", "\" OR 1=1 --"}) {
            OndesApi.Response r = api.send("POST", "/api/v1/accounts", null, "{\"username\":\"" + name()
                    + "\",\"password\":\"" + PASSWORD + "\",\"invite\":\"" + invite.replace("\"", "\\\"") + "\"}");
            if (r.status() != 400) {
                failures.add("invite " + invite.substring(0, Math.min(20, invite.length())) + " -> " + r.status() + " " + r.body());
            }
        }
        for (String path : new String[]{"/api/v1/moderation/accounts/%00/approve", "/api/v1/moderation/accounts/"
                + "x".repeat(300) + "/approve", "/api/v1/moderation/invites/99999999999999999999",
                "/api/v1/moderation/accounts/%3Cb%3E/reject"}) {
            OndesApi.Response r = api.send(path.endsWith("9") ? "DELETE" : "POST", path, admin.bearer(), null);
            if (r.status() >= 500 || r.status() < 400) {
                failures.add(path + " -> " + r.status() + " " + r.body());
            }
        }
        assertEquals(List.of(), failures);
        assertEquals("invite", api.get("/api/v1/instance", null).json().get("registration"), "nothing changed the mode");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> audit(String action) {
        OndesApi.Response r = api.get("/api/v1/admin/audit?action=" + action, admin.bearer());
        assertEquals(200, r.status(), r.body());
        return (List<Map<String, Object>>) r.json().get("items");
    }
}
