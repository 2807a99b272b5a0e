package org.ondes.limits;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrustedProxiesTest {
    private static final TrustedProxies PROXIES = TrustedProxies.parse("10.0.0.0/8, 192.0.2.10 ::1,fd00::/8");

    private static InetAddress ip(String s) {
        return IpLiterals.parse(s);
    }

    private static String client(TrustedProxies proxies, String peer, String... forwardedFor) {
        return proxies.client(ip(peer), List.of(forwardedFor)).getHostAddress();
    }

    @Test
    void withoutTrustedProxiesForwardedForIsIgnored() {
        TrustedProxies none = TrustedProxies.parse("");
        assertTrue(none.isEmpty());
        assertEquals("198.51.100.1", client(none, "198.51.100.1", "203.0.113.9"));
        assertEquals("10.0.0.1", client(none, "10.0.0.1", "203.0.113.9"));
        assertFalse(none.forwardedHttps(ip("10.0.0.1"), List.of("https")));
    }

    @Test
    void anUntrustedPeerIsTheClientWhateverItClaims() {
        assertEquals("198.51.100.1", client(PROXIES, "198.51.100.1", "203.0.113.9"));
        assertEquals("198.51.100.1", client(PROXIES, "198.51.100.1", "10.0.0.5"));
    }

    @Test
    void aTrustedProxyNamesTheClient() {
        assertEquals("203.0.113.9", client(PROXIES, "10.0.0.1", "203.0.113.9"));
        assertEquals("203.0.113.9", client(PROXIES, "192.0.2.10", " 203.0.113.9 "));
        assertEquals("203.0.113.9", client(PROXIES, "::1", "203.0.113.9"));
        assertEquals("2001:db8:0:0:0:0:0:7", client(PROXIES, "fd00::2", "2001:db8::7"));
        assertEquals("203.0.113.9", client(PROXIES, "::ffff:10.0.0.1", "::ffff:203.0.113.9"));
        assertEquals("10.0.0.1", client(PROXIES, "10.0.0.1"), "no header: the proxy itself");
    }

    @Test
    void theChainIsReadFromTheRightSkippingTrustedHops() {
        // client spoofs 1.1.1.1, real client 203.0.113.9, then two proxies of ours
        assertEquals("203.0.113.9", client(PROXIES, "10.0.0.1", "1.1.1.1, 203.0.113.9, 10.0.0.2"));
        assertEquals("203.0.113.9", client(PROXIES, "10.0.0.1", "1.1.1.1", "203.0.113.9, 10.0.0.2"),
                "several header lines are one list, in order");
        assertEquals("10.0.0.3", client(PROXIES, "10.0.0.1", "10.0.0.3, 10.0.0.2"),
                "every hop trusted: the leftmost one");
    }

    @Test
    void garbageStopsTheWalkAtTheProxyThatWroteIt() {
        assertEquals("10.0.0.1", client(PROXIES, "10.0.0.1", "unknown"));
        assertEquals("10.0.0.1", client(PROXIES, "10.0.0.1", ""));
        assertEquals("10.0.0.1", client(PROXIES, "10.0.0.1", "203.0.113.9, "));
        assertEquals("10.0.0.1", client(PROXIES, "10.0.0.1", "example.org"));
        assertEquals("10.0.0.2", client(PROXIES, "10.0.0.1", "203.0.113.9, nonsense, 10.0.0.2"));
        assertEquals("10.0.0.1", client(PROXIES, "10.0.0.1", "203.0.113.9 203.0.113.10"));
    }

    @Test
    void forwardedProtoCountsOnlyFromATrustedPeer() {
        assertTrue(PROXIES.forwardedHttps(ip("10.0.0.1"), List.of("https")));
        assertTrue(PROXIES.forwardedHttps(ip("10.0.0.1"), List.of("HTTPS, http")), "the hop nearest the browser first");
        assertFalse(PROXIES.forwardedHttps(ip("10.0.0.1"), List.of("http")));
        assertFalse(PROXIES.forwardedHttps(ip("10.0.0.1"), List.of("wss")));
        assertFalse(PROXIES.forwardedHttps(ip("10.0.0.1"), List.of()));
        assertFalse(PROXIES.forwardedHttps(ip("198.51.100.1"), List.of("https")));
    }

    @Test
    void aBadSettingIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/8, nginx"));
    }
}
