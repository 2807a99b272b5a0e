package org.ondes.federation.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;

/**
 * Keeps delivery work within its {@link CpuBudget}: measures the CPU time of the delivery threads ({@link ThreadMXBean},
 * per thread) and makes send threads wait for their turn. Where the JVM cannot measure thread CPU time, delivery is
 * not paced (and says so once).
 */
final class CpuPacer {
    private static final Logger LOG = LoggerFactory.getLogger(CpuPacer.class);
    /** A fan-out may spend this much CPU at once after a quiet spell (a few deliveries' worth). */
    static final long BURST_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    private final CpuBudget budget;
    private final boolean on;

    CpuPacer(double share) {
        this.budget = new CpuBudget(share, BURST_NANOS, System.nanoTime());
        boolean measurable = mx.isCurrentThreadCpuTimeSupported();
        if (measurable && !mx.isThreadCpuTimeEnabled()) {
            mx.setThreadCpuTimeEnabled(true);
        }
        this.on = budget.paces() && measurable;
        if (budget.paces() && !measurable) {
            LOG.warn("This JVM cannot measure thread CPU time: federation deliveries are not paced");
        }
    }

    /** This thread's CPU time so far, in nanoseconds (0 when not pacing). */
    long threadCpu() {
        return on ? mx.getCurrentThreadCpuTime() : 0;
    }

    /** Waits until a send may start; what it returns goes back to {@link #finish} with the thread's CPU time before. */
    CpuBudget.Turn awaitTurn() throws InterruptedException {
        if (!on) {
            return new CpuBudget.Turn(0, 0);
        }
        while (true) {
            CpuBudget.Turn turn = budget.start(System.nanoTime());
            if (turn.granted()) {
                return turn;
            }
            TimeUnit.NANOSECONDS.sleep(turn.waitNanos());
        }
    }

    /** A send that started with {@code cpuBefore} (its thread's {@link #threadCpu()}) and {@code turn} is done. */
    void finish(CpuBudget.Turn turn, long cpuBefore) {
        if (on) {
            budget.finish(turn, threadCpu() - cpuBefore, System.nanoTime());
        }
    }

    /** Other delivery work on this thread that started with {@code cpuBefore} is done. */
    void charge(long cpuBefore) {
        if (on) {
            budget.charge(threadCpu() - cpuBefore, System.nanoTime());
        }
    }
}
