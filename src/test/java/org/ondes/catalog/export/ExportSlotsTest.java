package org.ondes.catalog.export;

import io.micronaut.scheduling.TaskScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class ExportSlotsTest {
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final TaskScheduler scheduler = new io.micronaut.scheduling.ScheduledExecutorTaskScheduler(executor);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void atMostMaxSlotsAndReleaseIsIdempotent() {
        ExportSlots slots = new ExportSlots(2, Duration.ofMinutes(1), scheduler);
        ExportSlots.Slot a = slots.tryTake();
        ExportSlots.Slot b = slots.tryTake();
        assertNotNull(a);
        assertNotNull(b);
        assertNull(slots.tryTake());
        a.claim();
        a.release();
        a.release();
        assertEquals(1, slots.inUse());
        assertNotNull(slots.tryTake());
        assertNull(slots.tryTake());
    }

    @Test
    void anUnclaimedSlotIsGivenBack() throws Exception {
        ExportSlots slots = new ExportSlots(1, Duration.ofMillis(100), scheduler);
        assertNotNull(slots.tryTake());
        assertNull(slots.tryTake());
        Thread.sleep(400);
        assertEquals(0, slots.inUse());
        ExportSlots.Slot claimed = slots.tryTake();
        assertNotNull(claimed);
        claimed.claim();
        Thread.sleep(400);
        assertEquals(1, slots.inUse(), "a claimed slot is held until released");
        claimed.release();
        assertEquals(0, slots.inUse());
    }
}
