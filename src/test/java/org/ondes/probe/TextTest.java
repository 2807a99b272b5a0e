package org.ondes.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextTest {

    @Test
    void cleanTurnsControlCharactersAndLineBreaksIntoSingleSpaces() {
        assertEquals("a b c d e", Text.clean("a\r\nb\u0000c\u001b\u0085d\u2028\u202ee", 100));
        assertEquals("trimmed", Text.clean("  \t trimmed \r\n", 100));
        assertEquals("", Text.clean(null, 10));
    }

    @Test
    void cleanCutsLongTextWithAnEllipsisWithinTheLimit() {
        String cut = Text.clean("x".repeat(500), 200);
        assertEquals(200, cut.length());
        assertTrue(cut.endsWith("…"));
        assertEquals("short", Text.clean("short", 5));
    }

    @Test
    void cleanNeverSplitsASurrogatePair() {
        String cut = Text.clean("abcd\uD83C\uDFB5\uD83C\uDFB5", 6);
        assertEquals("abcd…", cut);
    }

    @ParameterizedTest(name = "{0} is shown as {1}")
    @CsvSource({
        "0:0:0:0:0:0:0:1, ::1",
        "0:0:0:0:0:0:0:0, ::",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "fe80:0:0:0:0:0:0:1, fe80::1",
        "2001:db8:1:2:3:4:5:6, 2001:db8:1:2:3:4:5:6",
        "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
        "1:0:2:0:3:0:4:0, 1:0:2:0:3:0:4:0",
        "203.0.113.7, 203.0.113.7",
    })
    void addressesAreShownInTheirShortForm(String literal, String shown) throws Exception {
        assertEquals(shown, Text.address(InetAddress.getByName(literal)));
    }

    @Test
    void endpointsBracketIpv6() throws Exception {
        assertEquals("[2001:db8::1]:443", Text.endpoint(new InetSocketAddress(InetAddress.getByName("2001:db8::1"), 443)));
        assertEquals("203.0.113.7:8000", Text.endpoint(new InetSocketAddress(InetAddress.getByName("203.0.113.7"), 8000)));
    }

    @Test
    void secondsReadNaturally() {
        assertEquals("5 s", Text.seconds(Duration.ofSeconds(5)));
        assertEquals("1.5 s", Text.seconds(Duration.ofMillis(1500)));
        assertEquals("0.25 s", Text.seconds(Duration.ofMillis(250)));
    }
}
