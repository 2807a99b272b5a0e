package org.ondes.site;

import org.junit.jupiter.api.Test;
import org.ondes.catalog.StationDetail.ListenerSample;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SparklineTest {
    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    @Test
    void drawsTheLastDayFromLeftToRightWithThePeakAtTheTop() {
        Sparkline s = Sparkline.of(List.of(
                new ListenerSample(NOW.minus(Duration.ofHours(24)), 0),
                new ListenerSample(NOW.minus(Duration.ofHours(12)), 10),
                new ListenerSample(NOW, 5)), NOW);
        assertEquals("0.0,47.0 120.0,1.0 240.0,24.0", s.points());
        assertEquals(10, s.peak());
        assertEquals(5, s.latest());
        assertEquals("Listeners over the last 24 hours: peak 10, latest 5.", s.summary());
        assertEquals("0 0 240 48", s.viewBox());
        assertEquals("240.0", s.lastX());
        assertEquals("24.0", s.lastY());
    }

    @Test
    void leavesOutSamplesOlderThanADayAndSortsByTime() {
        Sparkline s = Sparkline.of(List.of(
                new ListenerSample(NOW.minus(Duration.ofHours(1)), 4),
                new ListenerSample(NOW.minus(Duration.ofDays(3)), 99),
                new ListenerSample(NOW.minus(Duration.ofHours(2)), 2)), NOW);
        assertEquals(4, s.peak());
        assertEquals(4, s.latest());
        assertTrue(s.points().startsWith("220.0,"), s.points());
    }

    @Test
    void aFlatZeroLineStaysAtTheBottom() {
        Sparkline s = Sparkline.of(List.of(new ListenerSample(NOW.minus(Duration.ofHours(2)), 0),
                new ListenerSample(NOW, 0)), NOW);
        assertEquals("220.0,47.0 240.0,47.0", s.points());
    }

    @Test
    void saysSoWhenThereIsTooLittleToDraw() {
        Sparkline s = Sparkline.of(List.of(new ListenerSample(NOW, 3)), NOW);
        assertFalse(s.drawable());
        assertEquals("Not enough listener counts in the last 24 hours yet.", s.summary());
        assertFalse(Sparkline.of(List.of(), NOW).drawable());
    }
}
