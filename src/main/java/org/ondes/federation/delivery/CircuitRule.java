package org.ondes.federation.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The per-host circuit breaker. A host that fails {@link #THRESHOLD} deliveries in a row (5xx, 408, 429, timeouts,
 * refused or broken connections) is skipped for a cool-off of 1 min; then one delivery is let through as a probe, and
 * each failed probe lengthens the cool-off: 5, 15, 30, then 60 min for good. Any answer that shows the host is up (a
 * 2xx, or a 4xx other than 408/429) closes the circuit again. A host gets {@link #PER_HOST} deliveries at once only
 * once it has answered and as long as it has not failed since; a new or failing host gets one at a time, so a slow
 * host ties up one send thread, not two. Pure: the time comes from a {@link Clock}.
 */
final class CircuitRule {
    static final int THRESHOLD = 5;
    /** Deliveries in flight to one healthy host at once, over all instances. */
    static final int PER_HOST = 2;
    static final List<Duration> COOL_OFFS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofMinutes(60));

    /**
     * What is known of a host.
     *
     * @param failures  consecutive failed deliveries
     * @param openUntil while in the future, the host is skipped; null when the circuit is closed
     */
    record Host(int failures, Instant openUntil) {
        static final Host HEALTHY = new Host(0, null);
    }

    private final Clock clock;

    CircuitRule(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Whether deliveries to the host are skipped now. */
    boolean open(Host host) {
        return host.openUntil() != null && host.openUntil().isAfter(clock.instant());
    }

    /**
     * The host after a failed delivery. {@code probe}: the failed delivery was the one let through after a cool-off.
     * Deliveries that were already under way when the circuit opened fail without lengthening the cool-off.
     */
    Host afterFailure(Host host, boolean probe) {
        if (!probe && open(host)) {
            return host;
        }
        int failures = host.failures() + 1;
        return failures < THRESHOLD ? new Host(failures, null)
                : new Host(failures, clock.instant().plus(coolOff(failures)));
    }

    /** The host after it answered: the circuit closes. */
    Host afterSuccess() {
        return Host.HEALTHY;
    }

    /** How long a host with {@code failures} consecutive failures (at least {@link #THRESHOLD}) is skipped. */
    static Duration coolOff(int failures) {
        int step = Math.max(0, failures - THRESHOLD);
        return COOL_OFFS.get(Math.min(step, COOL_OFFS.size() - 1));
    }

    /**
     * Deliveries that may be in flight to a host with {@code failures} consecutive failures, which has answered a
     * delivery before ({@code answered}) or not.
     */
    static int concurrency(int failures, boolean answered) {
        return failures == 0 && answered ? PER_HOST : 1;
    }
}
