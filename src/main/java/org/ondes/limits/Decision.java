package org.ondes.limits;

import java.time.Duration;

/**
 * Whether a request is within a limit, and if not, how long until the next one would be.
 *
 * @param max        the limit (requests per {@code window}); 0 when the limit is switched off
 * @param retryAfter zero when allowed
 */
public record Decision(boolean allowed, int max, Duration window, Duration retryAfter) {
    static Decision allow(int max, Duration window) {
        return new Decision(true, max, window, Duration.ZERO);
    }

    static Decision refuse(int max, Duration window, Duration retryAfter) {
        return new Decision(false, max, window, retryAfter);
    }

    /** Whole seconds for {@code Retry-After}: rounded up, at least 1 when refused. */
    public long retryAfterSeconds() {
        if (allowed) {
            return 0;
        }
        long s = (retryAfter.toMillis() + 999) / 1000;
        return Math.max(1, s);
    }

    /** The wait in words for messages: "45 seconds", "1 minute", "12 minutes", "2 hours". */
    public String retryAfterText() {
        return Waits.text(retryAfterSeconds());
    }
}
