package org.ondes.limits;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlidingWindowTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private static Decision hit(int max, long previous, long current, long elapsedSeconds) {
        return SlidingWindow.afterHit(max, MINUTE, previous, current, Duration.ofSeconds(elapsedSeconds));
    }

    @Test
    void allowsUpToTheLimitInAQuietWindow() {
        assertTrue(hit(3, 0, 1, 10).allowed());
        assertTrue(hit(3, 0, 3, 10).allowed());
        Decision fourth = hit(3, 0, 4, 10);
        assertFalse(fourth.allowed());
        assertEquals(3, fourth.max());
    }

    @Test
    void thePreviousWindowCountsAsMuchAsItStillOverlaps() {
        // 4 in the previous minute, 15 s into this one: 4 × 0.75 = 3 still count
        assertFalse(hit(4, 4, 2, 15).allowed());
        assertTrue(hit(4, 4, 1, 15).allowed());
        // 45 s in, only 1 of them counts
        assertTrue(hit(4, 4, 3, 45).allowed());
        assertFalse(hit(4, 4, 4, 45).allowed());
        assertTrue(hit(4, 4, 4, 60).allowed(), "the previous window has slid out entirely");
    }

    @Test
    void noBurstOfTwiceTheLimitAcrossTheBoundary() {
        // 10 right at the end of the previous minute, then 10 more just after the boundary
        int allowed = 0;
        for (int i = 1; i <= 10; i++) {
            if (hit(10, 10, i, 1).allowed()) {
                allowed++;
            }
        }
        assertEquals(0, allowed);
    }

    @Test
    void retryAfterCountsRefusedHitsSoHammeringWaitsLonger() {
        // 4 recorded (3 allowed + 1 refused) at 20 s: next window needs 4 × (1 − s/60) + 1 ≤ 3 → s ≥ 30 s → 40 + 30
        assertEquals(70, hit(3, 0, 4, 20).retryAfterSeconds());
        // 10 recorded: 10 × (1 − s/60) + 1 ≤ 3 → s ≥ 48 s → 40 + 48
        assertEquals(88, hit(3, 0, 10, 20).retryAfterSeconds());
    }

    @Test
    void retryAfterWithinTheWindowWhenOnlyThePreviousOneIsInTheWay() {
        // previous 6, current 1 at 15 s, max 4: 6 × (1 − 15/60) + 1 = 5.5 > 4;
        // next hit allowed when 6 × (1 − s/60) + 2 ≤ 4 → s ≥ 40 s → 25 s from now
        Decision d = hit(4, 6, 1, 15);
        assertFalse(d.allowed());
        assertEquals(25, d.retryAfterSeconds());
    }

    @Test
    void peekDoesNotCountButJudgesTheNextRequest() {
        assertTrue(SlidingWindow.peek(3, MINUTE, 0, 2, Duration.ofSeconds(5)).allowed());
        Decision full = SlidingWindow.peek(3, MINUTE, 0, 3, Duration.ofSeconds(5));
        assertFalse(full.allowed());
        // 3 × (1 − s/60) + 1 ≤ 3 → s ≥ 20 s in the next window: 55 + 20
        assertEquals(75, full.retryAfterSeconds());
    }

    @Test
    void zeroSwitchesTheLimitOff() {
        assertTrue(hit(0, 1000, 1000, 1).allowed());
        assertTrue(SlidingWindow.peek(0, MINUTE, 1000, 1000, Duration.ZERO).allowed());
    }

    @Test
    void decisionsSpeakWholeSecondsAndWords() {
        assertEquals(0, Decision.allow(3, MINUTE).retryAfterSeconds());
        assertEquals(1, Decision.refuse(3, MINUTE, Duration.ofMillis(10)).retryAfterSeconds());
        assertEquals(2, Decision.refuse(3, MINUTE, Duration.ofMillis(1001)).retryAfterSeconds());
        assertEquals("1 second", Waits.text(1));
        assertEquals("45 seconds", Waits.text(45));
        assertEquals("1 minute", Waits.text(60));
        assertEquals("2 minutes", Waits.text(61));
        assertEquals("119 minutes", Waits.text(7140));
        assertEquals("2 hours", Waits.text(7200));
        assertEquals("a minute", Waits.per(MINUTE));
        assertEquals("an hour", Waits.per(Duration.ofHours(1)));
        assertEquals("every 45 seconds", Waits.per(Duration.ofSeconds(45)));
    }
}
