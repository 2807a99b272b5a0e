package org.ondes.accounts;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.testkit.IcecastWire;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.TestDb;
import org.ondes.testkit.YpReplyHead;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountsIT implements TestPropertyProvider {
    @Inject
    EmbeddedServer server;
    OndesApi api;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new java.util.HashMap<>(TestDb.properties());
        p.put("ondes.public-url", "https://ondes.example.org/");
        return p;
    }

    @BeforeAll
    void start() {
        api = new OndesApi(server.getPort());
    }

    private OndesApi.Response register(String json) {
        return api.send("POST", "/api/v1/accounts", null, json);
    }

    @Test
    void signUpSignInAndTheUsernameIsUnique() {
        OndesApi.Response created = register("{\"username\":\"dj_marie\",\"password\":\"long enough pw\",\"email\":\"m@example.org\"}");
        assertEquals(201, created.status(), created.body());
        assertEquals("dj_marie", created.json().get("username"));
        assertFalse(created.body().contains("password"), "no hash in the response");
        OndesApi.Response again = register("{\"username\":\"dj_marie\",\"password\":\"another long pw\"}");
        assertEquals(409, again.status());
        assertTrue(again.contentType().startsWith("application/problem+json"), again.contentType());
        assertNotNull(api.login("dj_marie", "long enough pw"));
        OndesApi.Response wrong = api.send("POST", "/login", null, "{\"username\":\"dj_marie\",\"password\":\"wrong password\"}");
        assertEquals(401, wrong.status());
    }

    @Test
    void simultaneousSignUpsWithOneNameGiveOneAccountAndConflictsNeverAServerError() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                statuses.add(pool.submit(() -> {
                    go.await();
                    return api.send("POST", "/api/v1/accounts", null,
                            "{\"username\":\"same_name\",\"password\":\"long enough pw\"}").status();
                }));
            }
            go.countDown();
            List<Integer> got = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> f : statuses) {
                got.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertEquals(1, got.stream().filter(c -> c == 201).count(), "statuses " + got);
            assertEquals(7, got.stream().filter(c -> c == 409).count(), "the others are told the name is taken: " + got);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badSignUpsGetProblemJsonNamingTheField() {
        Map<String, String> cases = Map.of(
                "{\"username\":\"Bad Name\",\"password\":\"long enough pw\"}", "username",
                "{\"username\":\"x\",\"password\":\"long enough pw\"}", "username",
                "{\"password\":\"long enough pw\"}", "username",
                "{\"username\":\"okname\",\"password\":\"short\"}", "password",
                "{\"username\":\"okname2\",\"password\":\"long enough pw\",\"email\":\"not an email\"}", "email");
        cases.forEach((json, field) -> {
            OndesApi.Response r = register(json);
            assertEquals(400, r.status(), json + " -> " + r.body());
            assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
            assertTrue(String.valueOf(r.json().get("detail")).startsWith(field), r.body());
        });
        OndesApi.Response garbage = register("{not json");
        assertEquals(400, garbage.status(), garbage.body());
        assertTrue(garbage.contentType().startsWith("application/problem+json"), garbage.contentType());
    }

    @Test
    @SuppressWarnings("unchecked")
    void ypTokensAreShownOnceListedMaskedAndRevocable() {
        OndesApi.User user = api.newUser();
        assertTrue(user.ypUrl().startsWith("https://ondes.example.org/api/icecast/yp/"), "derived from ONDES_PUBLIC_URL: " + user.ypUrl());
        assertTrue(user.ypToken().matches("[A-Za-z0-9_-]{43}"), "256 bits, URL-safe: " + user.ypToken());

        List<Object> listed = api.get("/api/v1/me/yp-tokens", user.bearer()).jsonList();
        assertEquals(1, listed.size());
        Map<String, Object> t = (Map<String, Object>) listed.get(0);
        assertEquals("studio", t.get("label"));
        assertFalse(String.valueOf(t).contains(user.ypToken()), "the list never shows the token");
        assertTrue(String.valueOf(t.get("maskedYpUrl")).endsWith(user.ypToken().substring(39)), String.valueOf(t));
        assertNull(t.get("lastUsedAt"));

        YpReplyHead add = YpReplyHead.parse(api.ypRaw(user.ypToken(), IcecastWire.add("Token Use", "x", "http://127.0.0.1:9/x.ogg")));
        assertTrue(add.ok(), add.raw());
        Object lastUsed = null;
        for (int i = 0; i < 50 && lastUsed == null; i++) {
            lastUsed = ((Map<String, Object>) api.get("/api/v1/me/yp-tokens", user.bearer()).jsonList().get(0)).get("lastUsedAt");
            sleep();
        }
        assertNotNull(lastUsed, "last use is recorded");

        OndesApi.User other = api.newUser();
        assertEquals(404, api.send("DELETE", "/api/v1/me/yp-tokens/" + user.tokenId(), other.bearer(), null).status(),
                "nobody revokes another user's token");
        assertEquals(401, api.send("DELETE", "/api/v1/me/yp-tokens/" + user.tokenId(), null, null).status());
        assertEquals(204, api.send("DELETE", "/api/v1/me/yp-tokens/" + user.tokenId(), user.bearer(), null).status());
        assertEquals(0, api.get("/api/v1/me/yp-tokens", user.bearer()).jsonList().size());
        assertEquals(404, api.send("DELETE", "/api/v1/me/yp-tokens/" + user.tokenId(), user.bearer(), null).status());
    }

    @Test
    void meEndpointsNeedASignedInUser() {
        assertEquals(401, api.get("/api/v1/me/yp-tokens", null).status());
        assertEquals(401, api.get("/api/v1/me/stations", null).status());
        assertEquals(401, api.send("POST", "/api/v1/me/yp-tokens", null, "{\"label\":\"x\"}").status());
        assertEquals(401, api.get("/api/v1/me/stations", "not.a.jwt").status());
    }

    @Test
    void usersOnlySeeTheirOwnStations() {
        OndesApi.User a = api.newUser();
        OndesApi.User b = api.newUser();
        assertTrue(YpReplyHead.parse(api.ypRaw(a.ypToken(), IcecastWire.add("A Only", "x", "http://127.0.0.1:9/a.ogg"))).ok());
        assertEquals(1, api.get("/api/v1/me/stations", a.bearer()).jsonList().size());
        assertEquals(0, api.get("/api/v1/me/stations", b.bearer()).jsonList().size());
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
