package org.ondes.federation.delivery;

/**
 * The pacing rule of delivery work: a token bucket counted in CPU nanoseconds. It fills at {@code share} of one core
 * (a share of 0.25 earns 250 ms of CPU per second of wall time) up to {@code burst}. A send may start only while the
 * bucket is not in debt, and starting takes what a send is expected to cost out of it (a running average of what
 * sends really cost), so sends start evenly spaced rather than all threads at once; when the send is done the
 * estimate is replaced by what it really cost its thread. Other delivery work (claim passes, settled batches) is
 * charged what it cost. Over any stretch longer than the burst, delivery thus takes at most about {@code share} of a
 * core, however many send threads there are, and the rest is left to the requests being served.
 *
 * <p>Plain and thread-safe; time is passed in (nanoseconds of a monotonic clock), so tests drive it with a fake one.
 */
final class CpuBudget {
    /** What a send is expected to cost before any was measured: an RSA-2048 signature and a small POST. */
    static final long FIRST_ESTIMATE_NANOS = 2_000_000;

    /**
     * The answer to asking for a turn.
     *
     * @param waitNanos how long to wait before asking again; 0 when the send may start now
     * @param reserved  what was taken out of the bucket for it (hand it back to {@link #finish})
     */
    record Turn(long waitNanos, long reserved) {
        boolean granted() {
            return waitNanos == 0;
        }
    }

    private final double share;
    private final long burstNanos;
    private double tokens;
    private long last;
    private double estimate = FIRST_ESTIMATE_NANOS;

    /**
     * @param share      the share of one core delivery may use on average, above 0; 1 or more means no pacing
     * @param burstNanos CPU time that may be spent at once after a quiet spell (the bucket's size)
     * @param now        the clock's reading now (the bucket starts full)
     */
    CpuBudget(double share, long burstNanos, long now) {
        if (!(share > 0) || burstNanos < 0) {
            throw new IllegalArgumentException("share must be above 0 and burst not negative");
        }
        this.share = share;
        this.burstNanos = burstNanos;
        this.tokens = burstNanos;
        this.last = now;
    }

    /** Whether this budget paces at all (a share of a whole core or more leaves delivery unpaced). */
    boolean paces() {
        return share < 1.0;
    }

    /** Asks to start a send at {@code now}. */
    synchronized Turn start(long now) {
        if (!paces()) {
            return new Turn(0, 0);
        }
        refill(now);
        if (tokens < 0) {
            return new Turn(Math.max(1, (long) Math.ceil(-tokens / share)), 0);
        }
        long reserved = Math.round(estimate);
        tokens -= reserved;
        return new Turn(0, reserved);
    }

    /** A send that was granted {@code turn} ended at {@code now} having cost its thread {@code cpuNanos}. */
    synchronized void finish(Turn turn, long cpuNanos, long now) {
        if (!paces()) {
            return;
        }
        refill(now);
        long cost = Math.max(0, cpuNanos);
        tokens = Math.min(burstNanos, tokens + turn.reserved() - cost);
        estimate += (cost - estimate) / 8;
    }

    /** Other delivery work that cost {@code cpuNanos} ended at {@code now}. */
    synchronized void charge(long cpuNanos, long now) {
        if (!paces() || cpuNanos <= 0) {
            return;
        }
        refill(now);
        tokens -= cpuNanos;
    }

    private void refill(long now) {
        long elapsed = now - last;
        if (elapsed > 0) {
            tokens = Math.min(burstNanos, tokens + elapsed * share);
            last = now;
        }
    }
}
