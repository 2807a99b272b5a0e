package org.ondes.moderation;

import org.junit.jupiter.api.Test;
import org.ondes.web.ProblemException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BanInputTest {
    private static String refusedField(String kind, String value, String syntax, String reason) {
        return assertThrows(ProblemException.class, () -> BanInput.parse(kind, value, syntax, reason)).errors().get(0).name();
    }

    @Test
    void valuesAreStoredInTheirNormalForm() {
        assertEquals("*.spam.example", BanInput.parse("host", "*.SPAM.example.", null, "spam").value());
        assertEquals("203.0.113.0/24", BanInput.parse("ip", "203.0.113.77/24", null, "x").value());
        assertEquals("203.0.113.7/32", BanInput.parse("ip", "203.0.113.7", null, "x").value());
        assertEquals("2001:db8:1:0:0:0:0:0/48", BanInput.parse("ip", "2001:db8:1::/48", null, "x").value());
        BanInput glob = BanInput.parse("name", " *casino* ", null, "x");
        assertEquals("glob", glob.syntax(), "glob is the default syntax");
        assertEquals("*casino*", glob.value());
        assertNull(BanInput.parse("host", "radio.example.net", "", "x").syntax());
        assertEquals("plain <b>text</b>", BanInput.parse("account", "mallory", null, "  plain\n<b>text</b> ").reason());
    }

    @Test
    void everyRefusalNamesItsField() {
        assertEquals("kind", refusedField("domain", "x.example", null, "x"));
        assertEquals("kind", refusedField(null, "x.example", null, "x"));
        assertEquals("reason", refusedField("host", "x.example", null, " "));
        assertEquals("reason", refusedField("host", "x.example", null, "r".repeat(201)));
        assertEquals("syntax", refusedField("host", "x.example", "regex", "x"));
        assertEquals("syntax", refusedField("name", "x", "pcre", "x"));
        assertEquals("value", refusedField("host", "not a host", null, "x"));
        assertEquals("value", refusedField("ip", "203.0.113.0/33", null, "x"));
        assertEquals("value", refusedField("ip", "radio.example.net", null, "x"));
        assertEquals("value", refusedField("name", "([unclosed", "regex", "x"));
        assertEquals("value", refusedField("account", "", null, "x"));
    }

    @Test
    void rangesSoWideTheyWouldRefuseMuchOfTheInternetAreRefused() {
        ProblemException wide = assertThrows(ProblemException.class, () -> BanInput.parse("ip", "0.0.0.0/0", null, "x"));
        assertTrue(wide.getMessage().contains("/8"), wide.getMessage());
        assertThrows(ProblemException.class, () -> BanInput.parse("ip", "2000::/3", null, "x"));
        assertEquals("10.0.0.0/8", BanInput.parse("ip", "10.0.0.0/8", null, "x").value());
    }
}
