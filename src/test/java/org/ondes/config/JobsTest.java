package org.ondes.config;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JobsTest {
    @Test
    void passesRunWhenEnabledAndAFailureDoesNotEscapeTheSchedule() {
        Jobs jobs = new Jobs(true);
        AtomicInteger runs = new AtomicInteger();
        jobs.pass("counting", runs::incrementAndGet);
        jobs.pass("failing", () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("database down");
        });
        assertEquals(2, runs.get());
    }

    @Test
    void switchedOffJobsDoNothing() {
        AtomicInteger runs = new AtomicInteger();
        new Jobs(false).pass("counting", runs::incrementAndGet);
        assertEquals(0, runs.get());
    }

    @Test
    void batchesRunUntilAShortOneOrTheBound() {
        java.util.Deque<Integer> backlog = new java.util.ArrayDeque<>(java.util.List.of(10, 10, 4, 10));
        AtomicInteger calls = new AtomicInteger();
        assertEquals(24, Jobs.inBatches(10, 100, () -> {
            calls.incrementAndGet();
            return backlog.removeFirst();
        }));
        assertEquals(3, calls.get(), "stops after the short batch");
        assertEquals(20, Jobs.inBatches(10, 2, () -> 10), "stops at the bound with more left");
        assertEquals(0, Jobs.inBatches(10, 5, () -> 0));
    }
}
