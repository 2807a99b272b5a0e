package org.ondes.accounts;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.testkit.Await;
import org.ondes.testkit.CookieClient;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.TestDb;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ondes.testkit.CookieClient.form;

/**
 * Sign-in and sign-up limits per client address, over HTTP: the JSON API answers 429 problem+json with Retry-After,
 * the forms say in words how long to wait. 127.0.0.1 is a trusted proxy here, so each test is its own client address.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInLimitsIT implements TestPropertyProvider {
    private static final String PASSWORD = "a long passphrase";
    @Inject
    EmbeddedServer server;
    OndesApi api;
    String base;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(TestDb.properties());
        p.put("ondes.trusted-proxies", "127.0.0.1");
        p.put("ondes.limits.login-failures", "2");
        p.put("ondes.limits.login-first-delay-seconds", "4");
        p.put("ondes.limits.login-max-delay-seconds", "8");
        p.put("ondes.limits.signups-per-hour", "2");
        return p;
    }

    @BeforeAll
    void start() {
        api = new OndesApi(server.getPort());
        base = "http://127.0.0.1:" + server.getPort();
    }

    private static Map<String, String> from(String client) {
        return Map.of("X-Forwarded-For", client);
    }

    private static String name() {
        return "l" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private OndesApi.Response register(String username, String client) {
        return api.send("POST", "/api/v1/accounts", null,
                "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}", from(client));
    }

    private OndesApi.Response login(String username, String password, String client) {
        return api.send("POST", "/login", null,
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", from(client));
    }

    private static void assertTooMany(OndesApi.Response r, String detailStart) {
        assertEquals(429, r.status(), r.body());
        assertEquals("application/problem+json", r.contentType());
        assertTrue(Long.parseLong(r.header("Retry-After")) >= 1, "Retry-After: " + r.header("Retry-After"));
        assertEquals("Too Many Requests", r.json().get("title"));
        assertTrue(((String) r.json().get("detail")).startsWith(detailStart), r.body());
    }

    @Test
    void afterRepeatedFailuresLoginAnswers429UntilTheWaitIsOver() {
        String user = name();
        assertEquals(201, register(user, "198.51.100.1").status());
        for (int i = 1; i <= 3; i++) {
            assertEquals(401, login(user, "wrong password " + i, "198.51.100.2").status(), "failure " + i);
        }
        OndesApi.Response waiting = login(user, PASSWORD, "198.51.100.2");
        assertTooMany(waiting, "too many failed sign-ins from your address; try again in ");
        assertTrue(Long.parseLong(waiting.header("Retry-After")) <= 4, waiting.header("Retry-After"));
        assertEquals(200, login(user, PASSWORD, "198.51.100.3").status(), "another address signs in");
        OndesApi.Response later = Await.until(Duration.ofSeconds(15), () -> login(user, PASSWORD, "198.51.100.2"),
                r -> r.status() != 429, () -> "still waiting");
        assertEquals(200, later.status(), later.body());
    }

    @Test
    void theSignInFormSaysHowLongToWait() {
        String user = name();
        assertEquals(201, register(user, "198.51.100.10").status());
        CookieClient browser = new CookieClient(base);
        for (int i = 1; i <= 3; i++) {
            CookieClient.Page failed = browser.postForm("/signin", form("username", user, "password", "wrong " + i,
                    "_csrf", browser.csrf()), from("198.51.100.11"));
            assertEquals("/signin?error=credentials", failed.location(), "failure " + i);
        }
        CookieClient.Page refused = browser.postForm("/signin", form("username", user, "password", PASSWORD,
                "_csrf", browser.csrf()), from("198.51.100.11"));
        assertEquals(303, refused.status());
        assertTrue(refused.location().matches("/signin\\?error=too_many_attempts&retry=[1-4]"), refused.location());
        assertEquals(null, browser.cookie("ondes_session"), "not signed in, although the password was right");
        String message = Jsoup.parse(browser.get(refused.location()).body()).select("#form-error").text();
        assertTrue(message.matches("Too many failed sign-ins from your address\\. For your account's safety, the next "
                + "attempt has to wait\\. Try again in [1-4] seconds?\\."), message);
    }

    @Test
    void signUpsPerAddressAreLimitedOnTheApiAndTheForm() {
        assertEquals(201, register(name(), "198.51.100.20").status());
        assertEquals(201, register(name(), "198.51.100.20").status());
        assertTooMany(register(name(), "198.51.100.20"), "too many accounts were created from your address (more than 2 an hour)");
        assertEquals(201, register(name(), "198.51.100.21").status(), "another address");

        CookieClient browser = new CookieClient(base);
        for (int i = 1; i <= 2; i++) {
            CookieClient.Page ok = browser.postForm("/signup", form("username", name(), "password", PASSWORD,
                    "_csrf", browser.csrf()), from("198.51.100.22"));
            assertEquals("/me", ok.location());
            browser.forget("ondes_session");
        }
        CookieClient.Page refused = browser.postForm("/signup", form("username", name(), "password", PASSWORD,
                "_csrf", browser.csrf()), from("198.51.100.22"));
        assertTrue(refused.location().matches("/signup\\?error=too_many_signups&retry=\\d+"), refused.location());
        String message = Jsoup.parse(browser.get(refused.location()).body()).select("#form-error").text();
        assertTrue(message.startsWith("Too many accounts were created from your address lately. Please wait before "
                + "creating another one. Try again in "), message);
    }
}
