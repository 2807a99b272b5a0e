package org.ondes.accounts;

import io.micronaut.core.convert.ConversionService;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SessionSettingsTest {
    private static Duration parse(String value) {
        return ConversionService.SHARED.convert(value, Duration.class).orElseThrow();
    }

    @Test
    void theDocumentedSpellingsOfOndesSessionTtlWork() {
        assertEquals(Duration.ofDays(7), parse("7d"));
        assertEquals(Duration.ofHours(12), parse("12h"));
        assertEquals(Duration.ofMinutes(90), parse("90m"));
        assertEquals(Duration.ofDays(7), parse("P7D"));
    }

    @Test
    void lifetimesOutsideFiveMinutesToAYearAreRefusedAtStart() {
        assertEquals(Duration.ofMinutes(5), new SessionSettings(Duration.ofMinutes(5)).ttl());
        assertThrows(IllegalArgumentException.class, () -> new SessionSettings(Duration.ofMinutes(4)));
        assertThrows(IllegalArgumentException.class, () -> new SessionSettings(Duration.ofDays(367)));
        assertThrows(IllegalArgumentException.class, () -> new SessionSettings(null));
    }
}
