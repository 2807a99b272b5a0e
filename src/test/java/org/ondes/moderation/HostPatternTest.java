package org.ondes.moderation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostPatternTest {
    @Test
    void anExactHostMatchesOnlyItselfWhateverItsCaseOrTrailingDot() {
        HostPattern p = HostPattern.parse(" Radio.Example.NET. ");
        assertEquals("radio.example.net", p.value());
        assertTrue(p.matches("radio.example.net"));
        assertTrue(p.matches("RADIO.example.net."));
        assertFalse(p.matches("tv.radio.example.net"));
        assertFalse(p.matches("example.net"));
        assertFalse(p.matches("radio.example.net.evil.org"));
    }

    @Test
    void aSuffixPatternMatchesEveryNameUnderTheDomainButNotTheDomain() {
        HostPattern p = HostPattern.parse("*.Spam.Example");
        assertEquals("*.spam.example", p.value());
        assertTrue(p.matches("a.spam.example"));
        assertTrue(p.matches("x.y.spam.example"));
        assertFalse(p.matches("spam.example"), "add a second rule for the domain itself");
        assertFalse(p.matches("notspam.example"), "a suffix of labels, not of characters");
    }

    @Test
    void internationalNamesAndAddressesAreComparedInOneForm() {
        HostPattern idn = HostPattern.parse("*.bücher.example");
        assertEquals("*.xn--bcher-kva.example", idn.value());
        assertTrue(idn.matches("shop.xn--bcher-kva.example"));
        HostPattern v6 = HostPattern.parse("[2001:DB8:0:0::7]");
        assertEquals("2001:db8:0:0:0:0:0:7", v6.value());
        assertTrue(v6.matches("[2001:db8::7]"), "URI.getHost() keeps the brackets");
        assertTrue(HostPattern.parse("192.0.2.7").matches("192.0.2.7"));
    }

    @Test
    void nonsenseIsRefusedSayingWhatIsExpected() {
        for (String bad : new String[]{"", "*", "*.com", "*.192.0.2.1", "http://radio.example.net/", "bad host", "a..b",
                "-x.example", "x".repeat(254)}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HostPattern.parse(bad), bad);
            assertFalse(e.getMessage().isBlank());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HostPattern.parse("*.com")).getMessage()
                .contains("top-level domain"));
    }
}
