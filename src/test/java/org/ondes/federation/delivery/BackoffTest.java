package org.ondes.federation.delivery;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffTest {
    private static final Instant QUEUED = Instant.parse("2025-11-01T09:00:00Z");

    private static Backoff at(Instant now, double draw) {
        return new Backoff(Clock.fixed(now, ZoneOffset.UTC), () -> draw);
    }

    @Test
    void firstRetryIsThirtySecondsLaterThenDoubles() {
        assertEquals(Duration.ofSeconds(30), Backoff.delay(1, 0.5));
        assertEquals(Duration.ofSeconds(60), Backoff.delay(2, 0.5));
        assertEquals(Duration.ofMinutes(2), Backoff.delay(3, 0.5));
        assertEquals(Duration.ofMinutes(64), Backoff.delay(8, 0.5));
    }

    @Test
    void jitterMovesADelayByAQuarterAtMostEitherWay() {
        assertEquals(Duration.ofMillis(22_500), Backoff.delay(1, 0.0));
        assertEquals(Duration.ofMillis(37_500), Backoff.delay(1, 1.0));
        assertEquals(Duration.ofMillis(33_000), Backoff.delay(1, 0.7));
    }

    @Test
    void delaysStopGrowingAtSixHours() {
        assertEquals(Duration.ofHours(6), Backoff.delay(11, 0.5));
        assertEquals(Duration.ofHours(6), Backoff.delay(40, 0.5));
        assertEquals(Duration.ofHours(6), Backoff.delay(40, 1.0), "jitter does not lift a delay above the cap");
        assertEquals(Duration.ofMinutes(270), Backoff.delay(40, 0.0));
    }

    @Test
    void nextAttemptIsTheDelayAfterNow() {
        Instant now = QUEUED.plus(Duration.ofMinutes(10));
        assertEquals(Optional.of(now.plusSeconds(120)), at(now, 0.5).next(3, QUEUED));
    }

    @Test
    void lastRetryIsAtTheTwoDayMarkThenTheDeliveryIsDropped() {
        Instant late = QUEUED.plus(Duration.ofHours(47));
        assertEquals(Optional.of(QUEUED.plus(Backoff.GIVE_UP_AFTER)), at(late, 0.5).next(15, QUEUED));
        assertEquals(Optional.empty(), at(QUEUED.plus(Backoff.GIVE_UP_AFTER), 0.5).next(16, QUEUED));
        assertEquals(Optional.empty(), at(QUEUED.plus(Duration.ofDays(3)), 0.5).next(2, QUEUED));
    }

    @Test
    void aDeliveryFailingEveryTimeIsTriedAboutSeventeenTimesOverTwoDays() {
        Instant now = QUEUED;
        int attempts = 1;
        while (true) {
            Optional<Instant> next = at(now, 0.5).next(attempts, QUEUED);
            if (next.isEmpty()) {
                break;
            }
            assertTrue(next.get().isAfter(now));
            now = next.get();
            attempts++;
        }
        assertEquals(QUEUED.plus(Backoff.GIVE_UP_AFTER), now);
        assertTrue(attempts >= 15 && attempts <= 19, "attempts: " + attempts);
    }
}
