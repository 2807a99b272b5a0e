package org.ondes.catalog.export;

import io.micronaut.scheduling.TaskScheduler;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Caps how many full exports run at once. Each one holds a pooled database connection and a read transaction for
 * as long as its client takes to download, so without a cap a handful of slow clients could starve the YP endpoint
 * of connections. A slot is taken when the request is accepted and handed to the body writer when the server
 * starts sending; a slot that no writer claims within {@code unclaimedTimeout} (the response was never sent) is
 * given back, so slots cannot leak.
 */
final class ExportSlots {
    private final int max;
    private final Duration unclaimedTimeout;
    private final TaskScheduler scheduler;
    private final AtomicInteger used = new AtomicInteger();

    ExportSlots(int max, Duration unclaimedTimeout, TaskScheduler scheduler) {
        this.max = max;
        this.unclaimedTimeout = unclaimedTimeout;
        this.scheduler = scheduler;
    }

    /** A slot, or null when {@code max} exports are already running. */
    Slot tryTake() {
        if (used.incrementAndGet() > max) {
            used.decrementAndGet();
            return null;
        }
        Slot slot = new Slot();
        slot.expiry = scheduler.schedule(unclaimedTimeout, slot::release);
        return slot;
    }

    int inUse() {
        return used.get();
    }

    /** One running export; {@link #release} is idempotent. */
    final class Slot {
        private final AtomicBoolean released = new AtomicBoolean();
        private volatile ScheduledFuture<?> expiry;

        /** Called by the writer when it starts: the slot is now held until {@link #release}. */
        void claim() {
            ScheduledFuture<?> e = expiry;
            if (e != null) {
                e.cancel(false);
            }
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                used.decrementAndGet();
            }
        }
    }
}
