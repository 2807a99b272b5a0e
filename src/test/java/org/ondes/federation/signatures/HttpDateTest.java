package org.ondes.federation.signatures;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HttpDateTest {

    private static final Instant NOV_1 = Instant.parse("2025-11-01T09:05:07Z");

    @Test
    void writesImfFixdateWithATwoDigitDay() {
        // RFC_1123_DATE_TIME would write "Sat, 1 Nov 2025 09:05:07 GMT"
        assertEquals("Sat, 01 Nov 2025 09:05:07 GMT", HttpDate.format(NOV_1));
        assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", HttpDate.format(Instant.parse("1994-11-06T08:49:37Z")));
    }

    @Test
    void writesWholeSecondsInUtc() {
        assertEquals("Sat, 01 Nov 2025 09:05:07 GMT", HttpDate.format(NOV_1.plusMillis(999)));
    }

    @Test
    void readsImfFixdateAndTheLenientForms() {
        assertEquals(Optional.of(NOV_1), HttpDate.parse("Sat, 01 Nov 2025 09:05:07 GMT"));
        assertEquals(Optional.of(NOV_1), HttpDate.parse("Sat, 1 Nov 2025 09:05:07 GMT"));
        assertEquals(Optional.of(NOV_1), HttpDate.parse("  Sat,  1 Nov 2025 09:05:07 GMT "));
        assertEquals(Optional.of(NOV_1), HttpDate.parse("1 Nov 2025 09:05:07 GMT"));
        assertEquals(Optional.of(NOV_1), HttpDate.parse("Sat, 01 Nov 2025 10:05:07 +0100"));
        assertEquals(Optional.of(NOV_1), HttpDate.parse("Sat Nov  1 09:05:07 2025"));
        assertEquals(Optional.of(Instant.parse("1994-11-06T08:49:37Z")), HttpDate.parse("Sunday, 06-Nov-94 08:49:37 GMT"));
    }

    @Test
    void readsNothingFromGarbage() {
        assertEquals(Optional.empty(), HttpDate.parse(null));
        assertEquals(Optional.empty(), HttpDate.parse(""));
        assertEquals(Optional.empty(), HttpDate.parse("yesterday"));
        assertEquals(Optional.empty(), HttpDate.parse("2025-11-01T09:05:07Z"));
        assertEquals(Optional.empty(), HttpDate.parse("Sat, 32 Nov 2025 09:05:07 GMT"));
        assertEquals(Optional.empty(), HttpDate.parse("Sat, 01 Nov 2025 09:05:07 GMT" + " ".repeat(10) + "x".repeat(100)));
    }
}
