package org.ondes.federation.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: 30 s after the first attempt, then twice as long after each further one
 * (1, 2, 4, … min), never more than 6 h, each delay moved by up to ±25 % at random so that deliveries which failed
 * together do not all come back together. A delivery is tried for {@link #GIVE_UP_AFTER} from when it was queued:
 * the last retry is at that moment at the latest, and a failure after it drops the delivery (about 17 attempts).
 * Pure: the time comes from a {@link Clock}, the randomness from a supplier of numbers in [0, 1).
 */
final class Backoff {
    static final Duration FIRST = Duration.ofSeconds(30);
    static final Duration CAP = Duration.ofHours(6);
    static final Duration GIVE_UP_AFTER = Duration.ofHours(48);
    static final double JITTER = 0.25;

    private final Clock clock;
    private final DoubleSupplier random;

    Backoff(Clock clock, DoubleSupplier random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * When to try again after attempt number {@code attempts} (1 for the first) failed, for a delivery queued at
     * {@code queuedAt}; empty when it has been tried long enough and is to be dropped.
     */
    Optional<Instant> next(int attempts, Instant queuedAt) {
        Instant now = clock.instant();
        Instant deadline = queuedAt.plus(GIVE_UP_AFTER);
        if (!now.isBefore(deadline)) {
            return Optional.empty();
        }
        Instant at = now.plus(delay(attempts, random.getAsDouble()));
        return Optional.of(at.isAfter(deadline) ? deadline : at);
    }

    /** The delay after attempt {@code attempts}, for a random draw {@code unit} in [0, 1) (0.5: no jitter). */
    static Duration delay(int attempts, double unit) {
        int doublings = Math.max(0, Math.min(attempts - 1, 20));
        long base = Math.min(FIRST.toMillis() << doublings, CAP.toMillis());
        double factor = 1 + JITTER * (2 * Math.max(0, Math.min(unit, 1)) - 1);
        return Duration.ofMillis(Math.min(Math.round(base * factor), CAP.toMillis()));
    }
}
