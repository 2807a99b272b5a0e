package org.ondes.streams;

import io.micronaut.core.convert.ConversionService;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RemoteStationSettingsTest {
    private static Duration parse(String value) {
        return ConversionService.SHARED.convert(value, Duration.class).orElseThrow();
    }

    @Test
    void theDocumentedSpellingsOfTheRetentionWork() {
        assertEquals(Duration.ofDays(30), new RemoteStationSettings(parse("30d")).remoteStationRetention());
        assertEquals(Duration.ofDays(90), new RemoteStationSettings(parse("P90D")).remoteStationRetention());
        assertEquals(Duration.ofHours(36), new RemoteStationSettings(parse("36h")).remoteStationRetention());
    }

    @Test
    void aRetentionUnderAnHourIsRefusedAtStart() {
        assertEquals(Duration.ofHours(1), new RemoteStationSettings(Duration.ofHours(1)).remoteStationRetention());
        assertThrows(IllegalArgumentException.class, () -> new RemoteStationSettings(Duration.ofMinutes(59)));
        assertThrows(IllegalArgumentException.class, () -> new RemoteStationSettings(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new RemoteStationSettings(null));
    }

    @Test
    void theLogLineSaysTheRetentionAsItIsWritten() {
        assertEquals("30d", RemoteStationPruneJob.days(Duration.ofDays(30)));
        assertEquals("25h", RemoteStationPruneJob.days(Duration.ofHours(25)));
        assertEquals("90m", RemoteStationPruneJob.days(Duration.ofMinutes(90)));
    }
}
