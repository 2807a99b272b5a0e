package org.ondes.accounts;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.testkit.CookieClient;
import org.ondes.testkit.FreePorts;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.OndesInstance;
import org.ondes.testkit.TestDb;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ondes.testkit.CookieClient.form;

/** CookieClient sign-up, sign-in and sign-out with the session cookie, and the CSRF and Origin checks, over real HTTP. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserSessionsIT implements TestPropertyProvider {
    @Inject
    EmbeddedServer server;
    TestDb.Schema db;
    String base;
    OndesApi api;

    @Override
    public Map<String, String> getProperties() {
        db = TestDb.newSchema();
        return db.properties();
    }

    @BeforeAll
    void start() {
        base = "http://127.0.0.1:" + server.getPort();
        api = new OndesApi(base);
    }

    private CookieClient browser() {
        return new CookieClient(base);
    }

    private static String name() {
        return "b" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @Test
    void signUpSetsAnHttpOnlyLaxSessionCookieAndSignsIn() {
        CookieClient b = browser();
        String pre = b.csrf();
        assertNotNull(b.cookie("ondes_csrf"), "a browser that is not signed in gets a pre-session CSRF cookie");
        String user = name();
        CookieClient.Page signedUp = b.postForm("/signup", form("username", user, "password", CookieClient.PASSWORD, "_csrf", pre));
        assertEquals(303, signedUp.status(), signedUp.toString());
        assertEquals("/me", signedUp.location());
        String cookie = signedUp.setCookie("ondes_session");
        assertNotNull(cookie, signedUp.toString());
        List<String> flags = attributes(cookie);
        assertTrue(flags.contains("httponly"), cookie);
        assertTrue(flags.contains("samesite=lax"), cookie);
        assertTrue(flags.contains("path=/"), cookie);
        assertTrue(flags.contains("max-age=604800"), "ONDES_SESSION_TTL defaults to 7 days: " + cookie);
        assertFalse(flags.contains("secure"), "plain http instance: " + cookie);
        assertNull(b.cookie("ondes_csrf"), "the pre-session token is dropped once signed in");

        Map<String, Object> session = b.get("/api/v1/session").json();
        assertEquals(true, session.get("authenticated"));
        assertEquals(user, session.get("username"));
        assertEquals("user", session.get("role"));
        assertNotNull(session.get("csrfToken"));
        assertNotEquals(pre, session.get("csrfToken"), "a session has its own token");
        assertEquals(200, b.get("/api/v1/me/stations").status(), "the cookie authenticates API calls");
    }

    @Test
    void anonymousCallersGetOnePreSessionTokenThatIsNeverCached() {
        CookieClient b = browser();
        CookieClient.Page first = b.get("/api/v1/session");
        assertEquals(false, first.json().get("authenticated"));
        assertNull(first.json().get("username"));
        assertEquals("no-store", first.header("Cache-Control"));
        String cookie = first.setCookie("ondes_csrf");
        assertNotNull(cookie);
        assertTrue(attributes(cookie).containsAll(List.of("httponly", "samesite=lax", "path=/")), cookie);
        assertEquals(first.json().get("csrfToken"), b.cookie("ondes_csrf"));
        CookieClient.Page again = b.get("/api/v1/session");
        assertEquals(first.json().get("csrfToken"), again.json().get("csrfToken"), "the browser keeps its token");
        assertNull(again.setCookie("ondes_csrf"));
    }

    @Test
    void bearerCallersSeeTheirAccountAndNeedNoToken() {
        OndesApi.User user = api.newUser();
        Map<String, Object> session = api.get("/api/v1/session", user.bearer()).json();
        assertEquals(true, session.get("authenticated"));
        assertEquals(user.username(), session.get("username"));
        assertNull(session.get("csrfToken"));
        assertEquals(201, api.send("POST", "/api/v1/me/yp-tokens", user.bearer(), "{\"label\":\"script\"}").status(),
                "bearer writes need no CSRF token");
    }

    @Test
    void signInNeedsThisBrowsersCsrfToken() {
        String user = name();
        browser().signedUp(user);
        CookieClient b = browser();
        b.csrf();
        CookieClient other = browser();
        String othersToken = other.csrf();
        for (Map<String, String> bad : List.of(
                form("username", user, "password", CookieClient.PASSWORD),
                form("username", user, "password", CookieClient.PASSWORD, "_csrf", "x".repeat(43)),
                form("username", user, "password", CookieClient.PASSWORD, "_csrf", othersToken))) {
            CookieClient.Page p = b.postForm("/signin", bad);
            assertEquals(303, p.status(), p.toString());
            assertEquals("/signin?error=csrf", p.location());
            assertNull(b.cookie("ondes_session"), "no session without the right token");
        }
        CookieClient.Page ok = b.signIn(user, CookieClient.PASSWORD);
        assertEquals(303, ok.status());
        assertEquals("/me", ok.location());
        assertNotNull(b.cookie("ondes_session"));
    }

    @Test
    void wrongPasswordAndUnknownUserLookTheSameAndNothingTypedComesBack() {
        String user = name();
        browser().signedUp(user);
        CookieClient b = browser();
        CookieClient.Page wrong = b.signIn(user, "not the password");
        CookieClient.Page unknown = b.signIn(name(), CookieClient.PASSWORD);
        assertEquals("/signin?error=credentials", wrong.location());
        assertEquals("/signin?error=credentials", unknown.location());
        assertFalse(wrong.location().contains(user));
        assertNull(b.cookie("ondes_session"));
    }

    @Test
    void signUpErrorsComeBackAsCodes() {
        String taken = name();
        browser().signedUp(taken);
        CookieClient b = browser();
        assertEquals("/signup?error=username_taken", b.signUp(taken, CookieClient.PASSWORD).location());
        assertEquals("/signup?error=invalid_username", b.signUp("Not Valid<script>", CookieClient.PASSWORD).location());
        assertEquals("/signup?error=invalid_password", b.signUp(name(), "short").location());
        assertEquals("/signup?error=invalid_email", b.postForm("/signup", form("username", name(), "password",
                CookieClient.PASSWORD, "email", "not an address", "_csrf", b.csrf())).location());
        assertNull(b.cookie("ondes_session"));
    }

    @Test
    void nextMustStayOnThisInstance() {
        String user = name();
        browser().signedUp(user);
        CookieClient.Page local = signInWithToken(browser(), form("username", user, "password", CookieClient.PASSWORD,
                "next", "/me/stations?tab=profile"));
        assertEquals("/me/stations?tab=profile", local.location());
        // every refused shape is in NextPathTest; over HTTP, the three classic ones
        for (String evil : List.of("https://evil.example/", "//evil.example/", "/\\evil.example")) {
            CookieClient.Page p = signInWithToken(browser(), form("username", user, "password", CookieClient.PASSWORD,
                    "next", evil));
            assertEquals(303, p.status(), evil);
            assertEquals("/me", p.location(), "refused next " + evil);
        }
        CookieClient.Page failed = signInWithToken(browser(), form("username", user, "password", "wrong password",
                "next", "/me/stations?tab=profile"));
        assertEquals("/signin?error=credentials&next=%2Fme%2Fstations%3Ftab%3Dprofile", failed.location(),
                "a checked next survives a failed attempt, encoded");
        CookieClient.Page failedEvil = signInWithToken(browser(), form("username", user, "password", "wrong password",
                "next", "https://evil.example/"));
        assertEquals("/signin?error=credentials", failedEvil.location());
    }

    /** Posts the sign-in form with the browser's own CSRF token added. */
    private static CookieClient.Page signInWithToken(CookieClient b, Map<String, String> fields) {
        Map<String, String> all = new java.util.LinkedHashMap<>(fields);
        all.put("_csrf", b.csrf());
        return b.postForm("/signin", all);
    }

    @Test
    void signOutEndsTheSessionForACopiedCookieToo() {
        CookieClient b = browser().signedUp(name());
        CookieClient thief = browser();
        thief.setCookie("ondes_session", b.cookie("ondes_session"));
        assertEquals(200, thief.get("/api/v1/me/stations").status(), "a copied cookie works while the session lives");
        String token = (String) b.get("/api/v1/session").json().get("csrfToken");

        CookieClient.Page refused = b.postForm("/signout", form("_csrf", "wrong"));
        assertEquals("/me?error=csrf", refused.location(), "sign-out needs the token too");
        assertEquals(200, thief.get("/api/v1/me/stations").status());

        CookieClient.Page out = b.postForm("/signout", form("_csrf", token));
        assertEquals(303, out.status());
        assertEquals("/", out.location());
        assertTrue(attributes(out.setCookie("ondes_session")).contains("max-age=0"), out.setCookie("ondes_session"));
        assertNull(b.cookie("ondes_session"));
        assertEquals(401, thief.get("/api/v1/me/stations").status(), "the copied cookie stopped working");
        assertEquals(false, thief.get("/api/v1/session").json().get("authenticated"));
    }

    @Test
    void cookieAuthenticatedWritesNeedTheSessionsCsrfToken() {
        CookieClient b = browser().signedUp(name());
        String token = (String) b.get("/api/v1/session").json().get("csrfToken");
        CookieClient.Page missing = b.json("POST", "/api/v1/me/yp-tokens", "{\"label\":\"x\"}", Map.of());
        assertEquals(403, missing.status(), missing.toString());
        assertTrue(missing.header("Content-Type").startsWith("application/problem+json"));
        assertTrue(String.valueOf(missing.json().get("detail")).contains("CSRF"), missing.body());
        assertEquals(0, b.get("/api/v1/me/yp-tokens").body().replace("[]", "").length(), "nothing was created");

        CookieClient.Page wrong = b.json("POST", "/api/v1/me/yp-tokens", "{\"label\":\"x\"}", Map.of("X-CSRF-Token", "x".repeat(43)));
        assertEquals(403, wrong.status());
        CookieClient.Page preSession = b.json("POST", "/api/v1/me/yp-tokens", "{\"label\":\"x\"}",
                Map.of("X-CSRF-Token", browser().csrf()));
        assertEquals(403, preSession.status(), "another browser's token does not count");

        CookieClient.Page created = b.json("POST", "/api/v1/me/yp-tokens", "{\"label\":\"x\"}", Map.of("X-CSRF-Token", token));
        assertEquals(201, created.status(), created.toString());
        Object id = created.json().get("id");
        assertEquals(403, b.send("DELETE", "/api/v1/me/yp-tokens/" + id, null, null, Map.of()).status());
        assertEquals(204, b.send("DELETE", "/api/v1/me/yp-tokens/" + id, null, null, Map.of("X-CSRF-Token", token)).status());

        CookieClient.Page formMissing = b.postForm("/api/v1/me/yp-tokens", form("label", "form"));
        assertEquals(403, formMissing.status(), "HTML form posts are checked as well");
        CookieClient.Page formOk = b.postForm("/api/v1/me/yp-tokens", form("label", "form", "_csrf", token));
        assertEquals(415, formOk.status(), "the _csrf form field passes the check, and the request reaches the "
                + "controller, which takes JSON only: " + formOk);
    }

    @Test
    void crossSiteOriginsAreRefused() {
        String user = name();
        CookieClient b = browser().signedUp(user);
        String token = (String) b.get("/api/v1/session").json().get("csrfToken");
        // Reached through a proxy as radio.example.net (the Host it passes on), without ONDES_PUBLIC_URL.
        String host = "radio.example.net";
        CookieClient.Page evil = b.raw("POST", "/api/v1/me/yp-tokens", host,
                Map.of("X-CSRF-Token", token, "Origin", "https://evil.example"), "application/json", "{}");
        assertEquals(403, evil.status(), evil.toString());
        assertTrue(String.valueOf(evil.json().get("detail")).contains("Origin"), evil.body());
        assertEquals(403, b.raw("POST", "/api/v1/me/yp-tokens", host, Map.of("X-CSRF-Token", token, "Origin", "null"),
                "application/json", "{}").status());
        assertEquals(201, b.raw("POST", "/api/v1/me/yp-tokens", host,
                Map.of("X-CSRF-Token", token, "Origin", "http://" + host), "application/json", "{}").status(),
                "without ONDES_PUBLIC_URL the origin the browser used is this instance");
        assertEquals(403, b.json("POST", "/api/v1/me/yp-tokens", "{}",
                Map.of("X-CSRF-Token", token, "Origin", "https://evil.example")).status(),
                "reached as 127.0.0.1, Micronaut's own drive-by-localhost guard refuses foreign origins first");

        CookieClient c = browser();
        String csrf = c.csrf();
        CookieClient.Page signIn = c.raw("POST", "/signin", host, Map.of("Origin", "https://evil.example"),
                "application/x-www-form-urlencoded", "username=" + user + "&password=correct+horse+battery&_csrf=" + csrf);
        assertEquals("/signin?error=csrf", signIn.location(), signIn.toString());
        assertNull(c.cookie("ondes_session"));
    }

    private static List<String> attributes(String setCookie) {
        return java.util.Arrays.stream(setCookie.split(";")).skip(1).map(a -> a.trim().toLowerCase(java.util.Locale.ROOT)).toList();
    }

    @Test
    void expiredSessionsAuthenticateNobody() throws Exception {
        CookieClient b = browser().signedUp(name());
        assertEquals(200, b.get("/api/v1/me/stations").status());
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("SET search_path TO " + db.name());
            st.executeUpdate("UPDATE accounts_sessions SET expires_at = now() - interval '1 second'");
        }
        assertEquals(401, b.get("/api/v1/me/stations").status());
    }

    @Test
    void cookiesAreSecureAndOriginsCheckedAgainstAnHttpsPublicUrl() {
        TestDb.Schema schema = TestDb.newSchema();
        int port = FreePorts.next();
        try (OndesInstance ondes = OndesInstance.start(schema, port, Map.of("ondes.public-url", "https://ondes.example.org",
                "ondes.sessions.ttl", "12h"))) {
            CookieClient b = new CookieClient(ondes.baseUrl());
            CookieClient.Page pre = b.get("/api/v1/session");
            assertTrue(attributes(pre.setCookie("ondes_csrf")).contains("secure"), pre.toString());
            CookieClient.Page signedUp = b.signUp(name(), CookieClient.PASSWORD);
            String cookie = signedUp.setCookie("ondes_session");
            assertTrue(attributes(cookie).contains("secure"), cookie);
            assertTrue(attributes(cookie).contains("max-age=43200"), "ONDES_SESSION_TTL=12h: " + cookie);
            String token = (String) b.get("/api/v1/session").json().get("csrfToken");
            String host = "ondes.example.org";
            CookieClient.Page foreign = b.raw("POST", "/api/v1/me/yp-tokens", host,
                    Map.of("X-CSRF-Token", token, "Origin", "http://ondes.example.org"), "application/json", "{}");
            assertEquals(403, foreign.status(), "only ONDES_PUBLIC_URL (https) is this instance: " + foreign);
            assertEquals(201, b.raw("POST", "/api/v1/me/yp-tokens", host,
                    Map.of("X-CSRF-Token", token, "Origin", "https://ondes.example.org"), "application/json", "{}").status());
        }
    }
}
