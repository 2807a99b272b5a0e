package org.ondes.limits;

import java.time.Duration;

/**
 * The limiter's arithmetic. Requests are counted in fixed windows (one counter per window); the count that a request
 * is judged by weighs the previous window by how much of it still overlaps the sliding window ending now:
 * {@code previous × (1 − elapsed/window) + current}. That smooths the burst a plain fixed window allows at its
 * boundary (up to twice the limit) at the cost of two counters per key.
 */
final class SlidingWindow {
    private SlidingWindow() {
    }

    /**
     * Judges a request that has just been counted: {@code current} includes it.
     *
     * @param elapsed time since the current window started
     */
    static Decision afterHit(int max, Duration window, long previous, long current, Duration elapsed) {
        if (max <= 0) {
            return Decision.allow(max, window);
        }
        if (estimate(window, previous, current, elapsed) <= max) {
            return Decision.allow(max, window);
        }
        return Decision.refuse(max, window, retryAfter(max, window, previous, current, elapsed));
    }

    /** Judges a request that is not counted (a look before acting): would one more hit stay within the limit? */
    static Decision peek(int max, Duration window, long previous, long current, Duration elapsed) {
        if (max <= 0) {
            return Decision.allow(max, window);
        }
        if (estimate(window, previous, current + 1, elapsed) <= max) {
            return Decision.allow(max, window);
        }
        return Decision.refuse(max, window, retryAfter(max, window, previous, current, elapsed));
    }

    static double estimate(Duration window, long previous, long current, Duration elapsed) {
        double w = window.toMillis();
        double e = Math.min(w, Math.max(0, elapsed.toMillis()));
        return previous * (1 - e / w) + current;
    }

    /**
     * How long until one more hit (on top of {@code recorded} in the current window) would be within the limit, if
     * nothing else is counted meanwhile: later in this window, as the previous window's weight fades, or else in the
     * next one, where this window becomes the fading one.
     */
    static Duration retryAfter(int max, Duration window, long previous, long recorded, Duration elapsed) {
        double w = window.toMillis();
        double e = Math.min(w, Math.max(0, elapsed.toMillis()));
        double at;
        if (recorded + 1 <= max) {
            // previous × (1 − s/w) + recorded + 1 ≤ max
            at = previous == 0 ? e : w * (1 - (double) (max - recorded - 1) / previous);
        } else {
            // next window: recorded × (1 − s2/w) + 1 ≤ max
            double s2 = recorded == 0 ? 0 : Math.max(0, w * (1 - (double) (max - 1) / recorded));
            at = w + s2;
        }
        return Duration.ofMillis((long) Math.ceil(Math.max(0, at - e) - 1e-6)); // 39999.99999 ms is 40 s, not 40.001
    }
}
