package org.ondes.limits;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.testkit.CookieClient;
import org.ondes.testkit.FreePorts;
import org.ondes.testkit.IcecastWire;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.OndesInstance;
import org.ondes.testkit.TestDb;
import org.ondes.testkit.YpReplyHead;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * X-Forwarded-For and X-Forwarded-Proto count only from a trusted proxy. Two instances, each on its own schema: one
 * reached directly (ONDES_TRUSTED_PROXIES empty), one behind a "proxy" at 127.0.0.1. What the address decides is
 * seen through the per-address limit on unusable YP tokens (2 here).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientAddressesIT {
    OndesInstance direct;
    OndesInstance proxied;

    @BeforeAll
    void start() {
        Map<String, String> limits = Map.of("ondes.limits.yp-invalid-tokens-per-hour", "2");
        direct = OndesInstance.start(TestDb.newSchema(), FreePorts.next(), limits);
        Map<String, String> behindProxy = new java.util.HashMap<>(limits);
        behindProxy.put("ondes.trusted-proxies", "127.0.0.1/32, ::1");
        proxied = OndesInstance.start(TestDb.newSchema(), FreePorts.next(), behindProxy);
    }

    @AfterAll
    void stop() {
        proxied.close();
        direct.close();
    }

    /** A touch with a fresh, well-formed but unknown token, as sent with this X-Forwarded-For. */
    private static String unknownTokenTouch(OndesInstance ondes, String forwardedFor) {
        String token = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, 43);
        return YpReplyHead.parse(ondes.api().ypRaw(token, IcecastWire.touch("ABC", "x", 1),
                Map.of("X-Forwarded-For", forwardedFor))).message();
    }

    @Test
    void aForwardedForFromAnUntrustedPeerIsIgnored() {
        assertTrue(unknownTokenTouch(direct, "203.0.113.1").startsWith("unknown YP token"));
        assertTrue(unknownTokenTouch(direct, "203.0.113.2").startsWith("unknown YP token"));
        String third = unknownTokenTouch(direct, "203.0.113.3");
        assertTrue(third.startsWith("too many requests with unknown or revoked YP tokens from your address"),
                "three claimed addresses are one peer: " + third);
    }

    @Test
    void behindATrustedProxyTheForwardedClientIsCountedOnItsOwn() {
        assertTrue(unknownTokenTouch(proxied, "203.0.113.10").startsWith("unknown YP token"));
        assertTrue(unknownTokenTouch(proxied, "203.0.113.10").startsWith("unknown YP token"));
        assertTrue(unknownTokenTouch(proxied, "203.0.113.11").startsWith("unknown YP token"), "another client");
        assertTrue(unknownTokenTouch(proxied, "203.0.113.10").startsWith("too many requests"));
        assertTrue(unknownTokenTouch(proxied, "198.51.100.99, 203.0.113.10").startsWith("too many requests"),
                "what the client itself put in front of the proxy's entry changes nothing");
        assertTrue(unknownTokenTouch(proxied, "::ffff:203.0.113.10").startsWith("too many requests"),
                "an IPv4-mapped IPv6 address is the same client");
        assertTrue(unknownTokenTouch(proxied, "2001:db8:1:2::1").startsWith("unknown YP token"));
        assertTrue(unknownTokenTouch(proxied, "2001:db8:1:2::2").startsWith("unknown YP token"));
        assertTrue(unknownTokenTouch(proxied, "[2001:db8:1:2::3]:4711").startsWith("too many requests"),
                "IPv6 clients are counted by their /64");
    }

    @Test
    void cookiesAreSecureWhenATrustedProxySaysTheBrowserUsedHttps() {
        Map<String, String> https = Map.of("X-Forwarded-Proto", "https");
        String behindProxy = new CookieClient(proxied.baseUrl()).send("GET", "/api/v1/session", null, null, https)
                .setCookie("ondes_csrf");
        assertTrue(behindProxy.toLowerCase(java.util.Locale.ROOT).contains("; secure"), behindProxy);
        String plain = new CookieClient(proxied.baseUrl()).get("/api/v1/session").setCookie("ondes_csrf");
        assertFalse(plain.toLowerCase(java.util.Locale.ROOT).contains("secure"), plain);
        String claimed = new CookieClient(direct.baseUrl()).send("GET", "/api/v1/session", null, null, https)
                .setCookie("ondes_csrf");
        assertFalse(claimed.toLowerCase(java.util.Locale.ROOT).contains("secure"), "not from a trusted proxy: " + claimed);
    }

    @Test
    void withoutAPublicUrlTheHttpsOriginOfATrustedProxyIsThisInstance() {
        String host = "ondes.example.org";
        Map<String, String> fromHttpsPage = Map.of("Origin", "https://" + host, "X-Forwarded-Proto", "https");
        for (OndesInstance ondes : new OndesInstance[]{proxied, direct}) {
            CookieClient browser = new CookieClient(ondes.baseUrl());
            String body = "username=o" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                    + "&password=" + OndesApi.class.getSimpleName() + "+long+enough&_csrf=" + browser.csrf();
            CookieClient.Page signUp = browser.raw("POST", "/signup", host, fromHttpsPage,
                    "application/x-www-form-urlencoded", body);
            assertEquals(ondes == proxied ? "/me" : "/signup?error=csrf", signUp.location(), signUp.toString());
        }
    }
}
