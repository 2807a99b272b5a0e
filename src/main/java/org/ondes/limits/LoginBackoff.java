package org.ondes.limits;

import java.time.Duration;

/**
 * The growing wait after failed sign-ins from one address: the first {@code free} failures cost nothing, the next
 * one makes the address wait {@code first}, each further one twice as long, up to {@code max}. Failures are forgotten
 * after {@link #forgetAfter()} without a new one. Attempts made while waiting are refused without checking the
 * password, so they neither cost an Argon2id hash nor count.
 *
 * @param free 0 switches the delays off
 */
record LoginBackoff(int free, Duration first, Duration max) {

    boolean enabled() {
        return free > 0;
    }

    /** The wait that {@code failures} consecutive failures impose from the last one on (zero while free). */
    Duration delayAfter(int failures) {
        if (!enabled() || failures <= free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(30, failures - free - 1);
        long millis = first.toMillis() << doublings;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }

    /** Quiet time after which earlier failures no longer count: an hour, or twice the longest wait if that is more. */
    Duration forgetAfter() {
        Duration twice = max.multipliedBy(2);
        return twice.compareTo(Duration.ofHours(1)) > 0 ? twice : Duration.ofHours(1);
    }
}
