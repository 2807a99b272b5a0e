package org.ondes.testkit;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polling assertions with a failure message that says what did happen. */
public final class Await {

    private static final long POLL_MILLIS = 250;

    private Await() {
    }

    /**
     * Probes every 250 ms until {@code ok} accepts the probed value and returns that value.
     * A probe that throws counts as "not yet" (the exception is reported if time runs out).
     * On timeout throws an AssertionError with {@code whatHappened.get()} and the last value.
     */
    public static <T> T until(Duration timeout, Supplier<T> probe, Predicate<T> ok, Supplier<String> whatHappened) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        Object last = "<never probed>";
        int probes = 0;
        while (true) {
            probes++;
            try {
                T value = probe.get();
                last = value;
                if (ok.test(value)) {
                    return value;
                }
            } catch (RuntimeException e) {
                last = e;
            }
            long now = System.nanoTime();
            if (now >= deadline) {
                break;
            }
            try {
                Thread.sleep(Math.min(POLL_MILLIS, Math.max(1, (deadline - now) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
        String happened;
        try {
            happened = whatHappened.get();
        } catch (RuntimeException e) {
            happened = "<whatHappened failed: " + e + ">";
        }
        AssertionError error = new AssertionError("condition not met within " + timeout.toMillis() + " ms ("
                + probes + " probes)\n--- what happened:\n" + happened + "\n--- last probed value:\n" + last);
        if (last instanceof Throwable) {
            error.initCause((Throwable) last);
        }
        throw error;
    }
}
