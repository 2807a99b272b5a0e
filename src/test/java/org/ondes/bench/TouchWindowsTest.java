package org.ondes.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TouchWindowsTest {
    private static long ms(double ms) {
        return Math.round(ms * 1e6);
    }

    @Test
    void onlyTouchesSentFromTheEnqueueOnCountAsDuringTheFanOut() {
        LoadGenerator.Result r = new LoadGenerator.Result("x", 1, 4, 0, 4, 0, 0, 0,
                new long[]{100, 200, 300, 400}, new long[]{ms(50), ms(1), ms(3), ms(2)});

        assertArrayEquals(new long[]{ms(1), ms(2), ms(3)}, TouchWindows.sentFrom(r, 200));
        assertEquals(4, TouchWindows.all(r).length);
    }

    @Test
    void theShareOfSlowTouchesCountsThoseAboveTheThreshold() {
        long[] sorted = {ms(1), ms(2), ms(10), ms(20)};

        assertEquals(0.5, TouchWindows.slower(sorted, 5));
        assertEquals(0.0, TouchWindows.slower(sorted, 20));
        assertEquals(2.0, TouchWindows.pct(sorted, 0.5));
        assertEquals(20.0, TouchWindows.pct(sorted, 0.99));
    }

    @Test
    void theSummaryCountsTrialsWhereTheFanOutCameOutAboveItsControl() {
        TouchWindows.Trial felt = new TouchWindows.Trial(5, new long[]{ms(1), ms(2), ms(3), ms(6)},
                new long[]{ms(1), ms(7), ms(8), ms(9)});
        TouchWindows.Trial unfelt = new TouchWindows.Trial(5, new long[]{ms(1), ms(6), ms(7), ms(8)},
                new long[]{ms(1), ms(2), ms(3), ms(4)});

        String summary = TouchWindows.summary(List.of(felt, unfelt));

        assertTrue(summary.contains("2 trials: more slow touches in 1, higher p99 in 1"), summary);
        assertTrue(summary.contains("control 50.00 % (4 of 8)"), summary);
        assertTrue(summary.contains("during fan-outs 37.50 % (3 of 8)"), summary);
    }
}
