package org.ondes.limits;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CidrTest {
    private static boolean contains(String cidr, String address) {
        return Cidr.parse(cidr).contains(IpLiterals.parse(address));
    }

    @Test
    void rangesAndSingleAddresses() {
        assertTrue(contains("10.0.0.0/8", "10.255.1.2"));
        assertFalse(contains("10.0.0.0/8", "11.0.0.1"));
        assertTrue(contains("192.168.1.0/24", "192.168.1.255"));
        assertFalse(contains("192.168.1.0/24", "192.168.2.0"));
        assertTrue(contains("172.16.0.0/12", "172.31.255.255"));
        assertFalse(contains("172.16.0.0/12", "172.32.0.0"));
        assertTrue(contains("203.0.113.5", "203.0.113.5"));
        assertFalse(contains("203.0.113.5", "203.0.113.6"));
        assertTrue(contains("0.0.0.0/0", "198.51.100.1"));
        assertTrue(contains("2001:db8::/32", "2001:db8:ffff::1"));
        assertFalse(contains("2001:db8::/32", "2001:db9::1"));
        assertTrue(contains("::1", "::1"));
        assertTrue(contains("fd00::/8", "fdab:1::2"));
    }

    @Test
    void ipv4RangesMatchIpv4MappedAddressesAndFamiliesNeverMix() {
        assertTrue(contains("10.0.0.0/8", "::ffff:10.1.2.3"));
        assertFalse(contains("::/0", "10.1.2.3"), "an IPv6 range does not cover IPv4 addresses");
        assertFalse(contains("0.0.0.0/0", "2001:db8::1"));
    }

    @Test
    void hostBitsAreIgnored() {
        assertEquals(Cidr.parse("10.0.0.0/8"), Cidr.parse("10.1.2.3/8"));
        assertEquals("10.0.0.0/8", Cidr.parse("10.1.2.3/8").toString());
    }

    @Test
    void aBadEntryIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Cidr.parse("proxy.example.org"));
        assertTrue(e.getMessage().contains("\"proxy.example.org\""), e.getMessage());
        for (String bad : new String[]{"10.0.0.0/33", "10.0.0.0/", "10.0.0.0/x", "::/129", "10.0.0.1:80", "[::1]", ""}) {
            assertThrows(IllegalArgumentException.class, () -> Cidr.parse(bad), bad);
        }
    }
}
