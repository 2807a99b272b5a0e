package org.ondes.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {

    private final AddressPolicy strict = new AddressPolicy(false);
    private final AddressPolicy lenient = new AddressPolicy(true);

    /** Builds the address from its bytes, so IPv4-mapped IPv6 literals stay IPv6. */
    private static InetAddress ip(String literal) throws Exception {
        byte[] bytes = InetAddress.getByName(literal).getAddress();
        if (literal.indexOf(':') >= 0 && bytes.length == 4) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xFF;
            mapped[11] = (byte) 0xFF;
            System.arraycopy(bytes, 0, mapped, 12, 4);
            bytes = mapped;
        }
        return bytes.length == 16 ? Inet6Address.getByAddress(null, bytes, -1) : InetAddress.getByAddress(bytes);
    }

    @ParameterizedTest(name = "{0} is refused as {1}")
    @CsvSource(delimiter = '|', value = {
        "0.0.0.0          | unspecified",
        "0.1.2.3          | unspecified",
        "10.0.0.1         | private (RFC 1918)",
        "10.255.255.255   | private (RFC 1918)",
        "100.64.0.1       | carrier-grade NAT",
        "100.127.255.254  | carrier-grade NAT",
        "127.0.0.1        | loopback",
        "127.255.0.9      | loopback",
        "169.254.169.254  | link-local",
        "172.16.0.1       | private (RFC 1918)",
        "172.31.255.255   | private (RFC 1918)",
        "192.0.0.8        | IETF protocol",
        "192.0.2.1        | documentation",
        "192.168.1.1      | private (RFC 1918)",
        "198.18.0.1       | benchmarking",
        "198.19.255.255   | benchmarking",
        "198.51.100.7     | documentation",
        "203.0.113.7      | documentation",
        "224.0.0.1        | multicast",
        "239.255.255.250  | multicast",
        "240.0.0.1        | reserved",
        "254.1.2.3        | reserved",
        "255.255.255.255  | broadcast",
        "::               | unspecified",
        "::1              | loopback",
        "fc00::1          | unique local",
        "fdff:1234::1     | unique local",
        "fe80::1          | link-local",
        "febf::1          | link-local",
        "fec0::1          | site-local",
        "ff02::1          | multicast",
        "2001:db8::1      | documentation",
        "100::1           | discard-only",
        "64:ff9b:1::1     | local-use NAT64",
        "::ffff:10.1.2.3  | private (RFC 1918)",
        "::ffff:127.0.0.1 | loopback",
        "::127.0.0.1      | loopback",
        "::ffff:0:a01:203 | private (RFC 1918)",
        "64:ff9b::a9fe:a9fe | link-local",
        "64:ff9b::c0a8:101 | private (RFC 1918)",
        "2002:a00:1::1    | private (RFC 1918)",
        "2002:7f00:1::    | loopback",
    })
    void strictPolicyRefusesNonPublicAddresses(String literal, String range) throws Exception {
        Optional<String> reason = strict.refuseAddress(ip(literal));
        assertTrue(reason.isPresent(), literal + " should be refused");
        assertTrue(reason.get().contains(range), reason.get());
        assertTrue(reason.get().startsWith(Text.address(ip(literal)) + " is "), reason.get());
    }

    @ParameterizedTest(name = "{0} is public")
    @ValueSource(strings = {
        "1.1.1.1", "8.8.8.8", "9.255.255.255", "11.0.0.0", "100.63.255.255", "100.128.0.0", "126.255.255.255",
        "128.0.0.1", "169.253.255.255", "169.255.0.0", "172.15.255.255", "172.32.0.0", "192.0.1.1",
        "192.0.3.1", "192.167.255.255", "192.169.0.0", "198.17.255.255", "198.20.0.0", "198.51.99.1",
        "198.51.101.1", "203.0.112.1", "203.0.114.1", "223.255.255.255", "93.184.216.34",
        "2a00:1450:4007:80f::200e", "2606:4700::1111", "2001:db9::1", "2001:db7:ffff::1", "fbff::1",
        "fe00::1", "100:0:0:1::1", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1"
    })
    void strictPolicyAllowsPublicAddresses(String literal) throws Exception {
        assertEquals(Optional.empty(), strict.refuseAddress(ip(literal)));
    }

    @Test
    void reasonNamesAddressAndRangeInOneSentence() throws Exception {
        assertEquals(Optional.of("10.1.2.3 is a private (RFC 1918) address; listeners on the internet cannot reach it"),
                strict.refuseAddress(ip("10.1.2.3")));
    }

    @Test
    void embeddedAddressReasonNamesBothForms() throws Exception {
        String reason = strict.refuseAddress(ip("::ffff:10.1.2.3")).orElseThrow();
        assertEquals("::ffff:10.1.2.3 is an IPv4-mapped address for 10.1.2.3; 10.1.2.3 is a private (RFC 1918)"
                + " address; listeners on the internet cannot reach it", reason);
        String nat64 = strict.refuseAddress(ip("64:ff9b::7f00:1")).orElseThrow();
        assertTrue(nat64.startsWith("64:ff9b::7f00:1 is a NAT64 address for 127.0.0.1;"), nat64);
        String sixToFour = strict.refuseAddress(ip("2002:c0a8:101::")).orElseThrow();
        assertTrue(sixToFour.startsWith("2002:c0a8:101:: is a 6to4 address for 192.168.1.1;"), sixToFour);
    }

    @Test
    void jdkStyleMappedAddressIsJudgedAsItsIpv4() throws Exception {
        // InetAddress.getByName turns ::ffff:a.b.c.d into a plain Inet4Address.
        assertTrue(strict.refuseAddress(InetAddress.getByName("::ffff:192.168.0.1")).isPresent());
    }

    @ParameterizedTest(name = "with private allowed, {0} is still refused")
    @ValueSource(strings = {"0.0.0.0", "224.0.0.1", "239.1.2.3", "255.255.255.255", "::", "ff02::1",
        "::ffff:0.0.0.0", "::ffff:224.0.0.251", "64:ff9b::e000:1"})
    void lenientPolicyStillRefusesAddressesThatCannotServe(String literal) throws Exception {
        assertTrue(lenient.refuseAddress(ip(literal)).isPresent(), literal);
    }

    @ParameterizedTest(name = "with private allowed, {0} passes")
    @ValueSource(strings = {"127.0.0.1", "10.0.0.1", "192.168.1.1", "172.16.0.1", "100.64.0.1", "169.254.1.1",
        "203.0.113.7", "240.0.0.1", "::1", "fd00::1", "fe80::1", "::ffff:127.0.0.1", "8.8.8.8"})
    void lenientPolicyAllowsPrivateAndLoopbackAddresses(String literal) throws Exception {
        assertEquals(Optional.empty(), lenient.refuseAddress(ip(literal)));
    }

    @ParameterizedTest(name = "host {0} is refused")
    @ValueSource(strings = {"localhost", "LOCALHOST", "localhost.", "foo.localhost", "printer.local", "nas.lan",
        "metadata.google.internal", "router.home.arpa", "box.localdomain", "abcdefghijklmnop.onion", "x.invalid",
        "radio.test", "example", "example.com", "www.example.com", "example.net", "radio.example.net",
        "example.org", "a.b.example.org", "radio", "intranet-host", "radio example.org", "radio:8000.org"})
    void strictPolicyRefusesNamesThatCannotBePublic(String host) {
        Optional<String> reason = strict.refuseHost(host);
        assertTrue(reason.isPresent(), host);
        assertTrue(reason.get().length() <= 200 && !reason.get().contains("\n"), reason.get());
    }

    @ParameterizedTest(name = "host {0} passes the name check")
    @ValueSource(strings = {"radio.ondes.fr", "stream.example-radio.com", "icecast.radiofrance.fr",
        "examples.com", "localhost.radio.org", "lan.party.de", "127.0.0.1", "10.0.0.1", "::1", "2001:db8::1",
        "testing.org", "onion.com"})
    void strictPolicyAllowsOrdinaryNamesAndLeavesLiteralsToTheAddressCheck(String host) {
        assertEquals(Optional.empty(), strict.refuseHost(host));
    }

    @ParameterizedTest(name = "with private allowed, host {0} passes")
    @ValueSource(strings = {"localhost", "127.0.0.1", "nas.lan", "radio", "x.invalid"})
    void lenientPolicyRefusesNoNames(String host) {
        assertEquals(Optional.empty(), lenient.refuseHost(host));
    }

    @ParameterizedTest(name = "{0} is an IPv4 address only some readers understand: refused")
    @ValueSource(strings = {"127.1", "2130706433", "0x7f.0.0.1", "0x7f000001", "0177.0.0.1", "10.1", "1.2.3.4.5",
        "127.000.000.001", "256.1.1.1", "radio.0x7f"})
    void numbersOtherThanADottedQuadAreRefusedWhateverThePolicy(String host) {
        for (AddressPolicy policy : new AddressPolicy[]{strict, lenient}) {
            String reason = policy.refuseHost(host).orElseThrow(() -> new AssertionError(host + " passed"));
            assertTrue(reason.contains("four decimal numbers"), reason);
            assertTrue(policy.refuseWithoutLookup(host).isPresent(), host);
        }
    }

    @ParameterizedTest(name = "without a lookup, {0} is refused")
    @ValueSource(strings = {"127.0.0.1", "[::1]", "::1", "10.0.0.1.", "[fe80::1]", "LOCALHOST", "Studio.Local",
        "[::ffff:192.168.1.1]", "[2001:db8::zz]"})
    void hostsJudgedWithoutALookupIncludeLiteralAddresses(String host) {
        assertTrue(strict.refuseWithoutLookup(host).isPresent(), host);
    }

    @ParameterizedTest(name = "without a lookup, {0} passes")
    @ValueSource(strings = {"8.8.8.8", "[2a00:1450:4007:80e::200e]", "radio.ondes.fr", "stream.radio.example-fm.de",
        "1.1.1.1."})
    void publicLiteralsAndNamesPassWithoutALookup(String host) {
        assertEquals(Optional.empty(), strict.refuseWithoutLookup(host));
    }

    @Test
    void emptyHostIsAlwaysRefused() {
        assertTrue(strict.refuseHost("").isPresent());
        assertTrue(lenient.refuseHost("").isPresent());
        assertTrue(lenient.refuseHost(null).isPresent());
        assertTrue(strict.refuseAddress(null).isPresent());
    }

    @Test
    void hostReasonsExplainTheRule() {
        assertEquals(Optional.of("localhost always means the directory's own machine; listeners on the internet"
                + " cannot reach it"), strict.refuseHost("localhost"));
        assertTrue(strict.refuseHost("nas.lan").orElseThrow().contains("local-network name (.lan)"));
        assertTrue(strict.refuseHost("radio").orElseThrow().contains("no dot"));
        assertTrue(strict.refuseHost("radio.example.net").orElseThrow().contains("RFC 2606"));
    }

    @Test
    void echoedHostNamesAreCleanedOfControlCharacters() {
        String reason = strict.refuseHost("evil\r\nX-Injected: 1.lan").orElseThrow();
        assertTrue(!reason.contains("\r") && !reason.contains("\n"), reason);
    }
}
