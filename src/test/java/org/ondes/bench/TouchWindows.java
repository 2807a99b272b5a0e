package org.ondes.bench;

import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * How the touches of the fan-out benchmark's windows compare. A p99 of a few thousand touches moves a lot between two
 * windows on a shared machine when nothing changes between them, so beside the p99s this counts the share of touches
 * slower than the trial's baseline p99: by definition 1 % of the baseline's, and about as much in any later window
 * whose touches are not slowed down. Trials are compared with their control window (the same load without a fan-out),
 * and all trials are pooled.
 */
final class TouchWindows {
    private TouchWindows() {
    }

    /** Percentile {@code p} (0–1) of sorted nanoseconds, in milliseconds. */
    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    /** The latencies of the touches of {@code r} sent at or after {@code from} (nanoTime), sorted. */
    static long[] sentFrom(LoadGenerator.Result r, long from) {
        long[] out = new long[r.sentAt().length];
        int n = 0;
        for (int i = 0; i < r.sentAt().length; i++) {
            if (r.sentAt()[i] >= from) {
                out[n++] = r.latencyNanos()[i];
            }
        }
        long[] kept = Arrays.copyOf(out, n);
        Arrays.sort(kept);
        return kept;
    }

    /** The latencies of every touch of {@code r}, sorted. */
    static long[] all(LoadGenerator.Result r) {
        return sentFrom(r, Long.MIN_VALUE);
    }

    /** How many of {@code latencies} are above {@code thresholdMs}. */
    static long over(long[] latencies, double thresholdMs) {
        return Arrays.stream(latencies).filter(l -> l / 1e6 > thresholdMs).count();
    }

    /** The share (0–1) of {@code latencies} above {@code thresholdMs}. */
    static double slower(long[] latencies, double thresholdMs) {
        return latencies.length == 0 ? Double.NaN : (double) over(latencies, thresholdMs) / latencies.length;
    }

    /** p50 and p99 of the latencies of several windows taken together. */
    static String pooled(List<long[]> windows) {
        long[] all = windows.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return String.format("p50 %.2f ms, p99 %.2f ms (%d touches)", pct(all, 0.5), pct(all, 0.99), all.length);
    }

    /** When the touches slower than {@code thresholdMs} were sent: how many in each second after {@code start}. */
    static String slowBySecond(LoadGenerator.Result r, double thresholdMs, long start) {
        TreeMap<Long, Integer> bySecond = new TreeMap<>();
        for (int i = 0; i < r.sentAt().length; i++) {
            if (r.latencyNanos()[i] / 1e6 > thresholdMs) {
                bySecond.merge(Math.floorDiv(r.sentAt()[i] - start, 1_000_000_000L), 1, Integer::sum);
            }
        }
        StringBuilder b = new StringBuilder(String.format("touches slower than the baseline's p99 (%.0f ms), by "
                + "second of sending after the enqueue call:", thresholdMs));
        bySecond.forEach((sec, n) -> b.append(' ').append(sec).append("s:").append(n));
        return bySecond.isEmpty() ? b.append(" none").toString() : b.toString();
    }

    /** One trial: its baseline's p99, its control window and the touches sent during its fan-out. */
    record Trial(double baselineP99Ms, long[] control, long[] during) {
        double controlSlower() {
            return slower(control, baselineP99Ms);
        }

        double duringSlower() {
            return slower(during, baselineP99Ms);
        }

        String row() {
            return String.format("share of touches slower than the baseline's p99 (%.0f ms): control %.1f %%, "
                            + "touches sent during the fan-out %.1f %% (p99 %.2f ms against the control's %.2f ms)",
                    baselineP99Ms, 100 * controlSlower(), 100 * duringSlower(), pct(during, 0.99), pct(control, 0.99));
        }
    }

    /**
     * All trials: in how many the fan-out's share of slow touches (and its p99) was above the control window's, and
     * the shares pooled. Were the fan-out not felt, each would be above in about half the trials.
     */
    static String summary(List<Trial> trials) {
        long shareAbove = trials.stream().filter(t -> t.duringSlower() > t.controlSlower()).count();
        long p99Above = trials.stream().filter(t -> pct(t.during(), 0.99) > pct(t.control(), 0.99)).count();
        long controlOver = 0;
        long controlAll = 0;
        long duringOver = 0;
        long duringAll = 0;
        for (Trial t : trials) {
            controlOver += over(t.control(), t.baselineP99Ms());
            controlAll += t.control().length;
            duringOver += over(t.during(), t.baselineP99Ms());
            duringAll += t.during().length;
        }
        return String.format("fan-out against control, %d trials: more slow touches in %d, higher p99 in %d; touches "
                        + "slower than their trial's baseline p99, pooled: control %.2f %% (%d of %d), during fan-outs "
                        + "%.2f %% (%d of %d)", trials.size(), shareAbove, p99Above,
                100.0 * controlOver / Math.max(1, controlAll), controlOver, controlAll,
                100.0 * duringOver / Math.max(1, duringAll), duringOver, duringAll);
    }
}
