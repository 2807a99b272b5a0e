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
}
