package org.ondes.federation.delivery;

import org.junit.jupiter.api.Test;

import java.util.PriorityQueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CpuBudgetTest {
    private static final long MS = 1_000_000;
    private static final long SECOND = 1000 * MS;
    private static final long BURST = 20 * MS;

    /** What a simulated run of send threads came to. */
    private record Run(int sends, long cpu, long lastEnd) {
    }

    /**
     * Send threads that each ask for a turn, wait as told, and then burn {@code cost} of CPU (on a core of their
     * own: the greediest they could be), until {@code sends} sends are done or {@code until} has passed.
     */
    private static Run simulate(CpuBudget budget, int threads, long cost, int sends, long until) {
        record Thread(long at, CpuBudget.Turn turn) {
        }
        PriorityQueue<Thread> ready = new PriorityQueue<>((a, b) -> Long.compare(a.at(), b.at()));
        for (int i = 0; i < threads; i++) {
            ready.add(new Thread(0, null));
        }
        int started = 0;
        int done = 0;
        long cpu = 0;
        long lastEnd = 0;
        while (!ready.isEmpty()) {
            Thread t = ready.poll();
            if (t.turn() != null) { // a send ends
                budget.finish(t.turn(), cost, t.at());
                done++;
                cpu += cost;
                lastEnd = t.at();
            }
            if (started == sends || t.at() >= until) {
                continue;
            }
            CpuBudget.Turn turn = budget.start(t.at());
            if (turn.granted()) {
                started++;
                ready.add(new Thread(t.at() + cost, turn));
            } else {
                ready.add(new Thread(t.at() + turn.waitNanos(), null));
            }
        }
        return new Run(done, cpu, lastEnd);
    }

    @Test
    void eightGreedySendThreadsGetNoMoreThanTheirShareOfACore() {
        CpuBudget budget = new CpuBudget(0.3, BURST, 0);
        Run run = simulate(budget, 8, 2 * MS, Integer.MAX_VALUE, 10 * SECOND);
        // 0.3 of a core for 10 s is 3 s of CPU, plus the bucket that was full at the start (and one send's overshoot)
        assertTrue(run.cpu() <= 3 * SECOND + BURST + 2 * MS * 8, "CPU used: " + run.cpu() / MS + " ms");
        assertTrue(run.cpu() >= 3 * SECOND - 10 * MS, "the share is used, not wasted: " + run.cpu() / MS + " ms");
    }

    @Test
    void theDefaultShareSendsAThousandDeliveriesWellWithinTenSeconds() {
        CpuBudget budget = new CpuBudget(0.4, BURST, 0);
        // 2.5 ms: what a delivery cost the benchmark machine's delivery threads (signing, sending, queue work)
        Run run = simulate(budget, 8, 2_500_000, 1000, 60 * SECOND);
        assertEquals(1000, run.sends());
        // 1,000 × 2.5 ms = 2.5 s of CPU at 0.4 of a core: about 6.2 s
        assertTrue(run.lastEnd() < 6_500 * MS, "last send ended at " + run.lastEnd() / MS + " ms");
        assertTrue(run.lastEnd() > 6 * SECOND, "and not sooner than the share allows: " + run.lastEnd() / MS + " ms");
    }

    @Test
    void afterAQuietSpellTheBurstStartsAtOnceThenSendsAreSpacedByTheirCostOverTheShare() {
        CpuBudget budget = new CpuBudget(0.25, BURST, 0);
        int atOnce = 0;
        CpuBudget.Turn turn;
        while ((turn = budget.start(0)).granted()) {
            atOnce++;
        }
        assertEquals(BURST / CpuBudget.FIRST_ESTIMATE_NANOS + 1, atOnce, "a full bucket lets ten 2 ms sends start");
        // the next send may start once 2 ms of CPU have been earned at a quarter of a core: 8 ms (less what is left)
        assertTrue(turn.waitNanos() > 0 && turn.waitNanos() <= 8 * MS, "wait " + turn.waitNanos());
        long at = turn.waitNanos();
        CpuBudget.Turn next = budget.start(at);
        assertTrue(next.granted());
        CpuBudget.Turn after = budget.start(at);
        assertEquals(8 * MS, after.waitNanos(), "one send's estimate over the share");
    }

    @Test
    void theEstimateLearnsWhatSendsReallyCost() {
        CpuBudget budget = new CpuBudget(0.5, 0, 0);
        long now = 0;
        for (int i = 0; i < 200; i++) { // sends that cost 1 ms, not the 2 ms first assumed
            CpuBudget.Turn turn = budget.start(now);
            while (!turn.granted()) {
                now += turn.waitNanos();
                turn = budget.start(now);
            }
            now += MS;
            budget.finish(turn, MS, now);
        }
        CpuBudget.Turn turn = budget.start(now);
        while (!turn.granted()) {
            now += turn.waitNanos();
            turn = budget.start(now);
        }
        long reserved = turn.reserved();
        assertTrue(Math.abs(reserved - MS) < MS / 50, "reserved " + reserved);
    }

    @Test
    void cheapSendsGetTheirUnusedReservationBack() {
        CpuBudget budget = new CpuBudget(0.5, 10 * MS, 0);
        CpuBudget.Turn first = budget.start(0);
        budget.finish(first, 0, 0); // e.g. dropped at once: a blocked domain
        for (int i = 0; i < 5; i++) {
            assertTrue(budget.start(0).granted(), "send " + i);
        }
    }

    @Test
    void otherDeliveryWorkIsChargedToo() {
        CpuBudget budget = new CpuBudget(0.5, 10 * MS, 0);
        budget.charge(30 * MS, 0); // a claim pass or a settled batch: 20 ms of debt
        CpuBudget.Turn turn = budget.start(0);
        assertFalse(turn.granted());
        assertEquals(40 * MS, turn.waitNanos(), "20 ms of CPU at half a core");
        assertTrue(budget.start(40 * MS).granted());
    }

    @Test
    void aWholeCoreOrMoreIsNotPaced() {
        CpuBudget budget = new CpuBudget(1.0, 0, 0);
        assertFalse(budget.paces());
        for (int i = 0; i < 1000; i++) {
            CpuBudget.Turn turn = budget.start(0);
            assertTrue(turn.granted());
            budget.finish(turn, 50 * MS, 0);
        }
        budget.charge(SECOND, 0);
        assertTrue(budget.start(0).granted());
    }

    @Test
    void aShareOfNothingIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CpuBudget(0, BURST, 0));
        assertThrows(IllegalArgumentException.class, () -> new CpuBudget(Double.NaN, BURST, 0));
        assertThrows(IllegalArgumentException.class, () -> new CpuBudget(-0.5, BURST, 0));
    }
}
