package org.ondes.moderation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NamePatternTest {
    private static boolean glob(String pattern, String name) {
        return NamePattern.parse("glob", pattern).matches(name);
    }

    @Test
    void globsMatchTheWholeNameIgnoringCaseAndStyledLetters() {
        assertTrue(glob("*casino*", "Big CASINO Radio"));
        assertTrue(glob("*casino*", "casino"));
        assertFalse(glob("*casino*", "Jazz Radio"));
        assertTrue(glob("radio ?", "Radio 1"));
        assertFalse(glob("radio ?", "Radio 10"));
        assertFalse(glob("casino", "Casino FM"), "no star: the whole name");
        assertTrue(glob("*casino*", "Ｃａｓｉｎｏ Ｒａｄｉｏ"), "fullwidth letters are the plain ones");
        assertTrue(glob("*ñ*", "Niño FM"));
        assertTrue(glob("*🎰*", "Slots 🎰 Radio"), "? and * count characters, not UTF-16 units");
        assertTrue(glob("slots ? radio", "Slots 🎰 Radio"));
    }

    @Test
    void globsStayFastOnNamesBuiltToMakeThemBacktrack() {
        String name = "a".repeat(200);
        assertTimeoutPreemptively(java.time.Duration.ofMillis(500),
                () -> assertFalse(glob("*a*a*a*a*a*a*a*a*a*a*b", name)));
    }

    @Test
    void regexesAreFoundAnywhereIgnoringCase() {
        NamePattern p = NamePattern.parse("regex", "^free\\s+money");
        assertTrue(p.matches("FREE   money radio"));
        assertFalse(p.matches("not free money"));
        assertTrue(NamePattern.parse("regex", "casino").matches("Lucky Casino FM"));
    }

    @Test
    void aCatastrophicRegexIsStoppedInBoundedTimeAndSaysSo() {
        // Java 17's engine memoises the loop of (a+)+$, so that classic decides quickly; one more level of nesting
        // (or a backreference) still backtracks exponentially: 2^60 steps on this name without the bound
        String evil = "a".repeat(60) + "!";
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(1), () -> {
            assertFalse(NamePattern.parse("regex", "(a+)+$").matches(evil));
            for (String catastrophic : new String[]{"^((a+)+)+$", "(a+)+\\1$", "(.*a){20}"}) {
                NamePattern p = NamePattern.parse("regex", catastrophic);
                assertThrows(NamePattern.TooSlow.class, () -> p.matches(evil), catastrophic);
            }
        });
        assertTrue(NamePattern.parse("regex", "^((a+)+)+$").matches("aaaa"), "on ordinary names it still decides");
    }

    @Test
    void badPatternsAreRefusedSayingWhy() {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> NamePattern.parse("regex", "(unclosed"));
        assertTrue(bad.getMessage().startsWith("is not a valid regular expression: "), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NamePattern.parse("glob", "*"));
        assertThrows(IllegalArgumentException.class, () -> NamePattern.parse("glob", "?*?"));
        assertThrows(IllegalArgumentException.class, () -> NamePattern.parse("glob", " "));
        assertThrows(IllegalArgumentException.class, () -> NamePattern.parse("regex", "x".repeat(501)));
    }
}
