package org.ondes.catalog;

import org.ondes.web.ProblemException;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A bounded number of searches computed at once: the YP ingest and PostgreSQL share the instance's cores, and a
 * flood of listener searches must leave them room. A search waits for a turn up to {@code patience} (fairly, first
 * come first served), then is refused with a 503 and {@code Retry-After}.
 */
final class SearchTurns {
    private final Semaphore turns;
    private final long patienceNanos;

    SearchTurns(int concurrent, Duration patience) {
        this.turns = new Semaphore(concurrent, true);
        this.patienceNanos = patience.toNanos();
    }

    <T> T run(Supplier<T> search) {
        boolean turn;
        try {
            turn = turns.tryAcquire(patienceNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            turn = false;
        }
        if (!turn) {
            throw ProblemException.busy("the directory is busy with other searches; retry in a few seconds");
        }
        try {
            return search.get();
        } finally {
            turns.release();
        }
    }
}
