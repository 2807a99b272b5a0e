package org.ondes.limits;

import org.junit.jupiter.api.Test;

import java.net.Inet4Address;
import java.net.InetAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

class IpLiteralsTest {
    private static String text(String literal) {
        InetAddress a = IpLiterals.parse(literal);
        return a == null ? null : a.getHostAddress();
    }

    @Test
    void readsTheFormsProxiesWrite() {
        assertEquals("203.0.113.7", text("203.0.113.7"));
        assertEquals("203.0.113.7", text(" 203.0.113.7 "));
        assertEquals("203.0.113.7", text("203.0.113.7:51234"), "Azure and some CDNs append the port");
        assertEquals("203.0.113.7", text("\"203.0.113.7\""));
        assertEquals("2001:db8:0:0:0:0:0:1", text("2001:db8::1"));
        assertEquals("2001:db8:0:0:0:0:0:1", text("2001:DB8::1"));
        assertEquals("2001:db8:0:0:0:0:0:1", text("[2001:db8::1]"));
        assertEquals("2001:db8:0:0:0:0:0:1", text("[2001:db8::1]:443"));
        assertEquals("0:0:0:0:0:0:0:1", text("::1"));
        assertEquals("0:0:0:0:0:0:0:0", text("::"));
        assertEquals("2001:db8:1:2:3:4:5:6", text("2001:db8:1:2:3:4:5:6"));
        assertEquals("2001:db8:0:0:0:0:0:0", text("2001:db8::"));
        assertEquals("2001:db8:0:0:0:0:c000:221", text("2001:db8::192.0.2.33"));
    }

    @Test
    void ipv4MappedIpv6IsTheIpv4Address() {
        assertInstanceOf(Inet4Address.class, IpLiterals.parse("::ffff:198.51.100.9"));
        assertEquals("198.51.100.9", text("::ffff:198.51.100.9"));
        assertEquals("198.51.100.9", text("::FFFF:c633:6409"));
        assertEquals("198.51.100.9", text("[::ffff:198.51.100.9]:80"));
    }

    @Test
    void anythingElseIsNotAnAddressAndNeverLookedUp() {
        for (String garbage : new String[]{null, "", " ", "unknown", "_hidden", "example.org", "localhost", "abcd", "cafe",
                "1.2.3", "1.2.3.4.5", "256.1.1.1", "010.0.0.1", "1.2.3.4:", "1.2.3.4:123456", "1::2::3", ":1", "1:",
                "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7:8::", "12345::1", "fe80::1%eth0", "[::1", "[::1]x", "[1.2.3.4]",
                "::ffff:1.2.3", "1.2.3.4, 5.6.7.8", "<script>", "x".repeat(100)}) {
            assertNull(IpLiterals.parse(garbage), String.valueOf(garbage));
        }
    }

    @Test
    void bareRefusesPortsAndBrackets() {
        assertEquals("192.0.2.1", IpLiterals.bare("192.0.2.1").getHostAddress());
        assertNull(IpLiterals.bare("192.0.2.1:80"));
        assertNull(IpLiterals.bare("[::1]"));
    }
}
