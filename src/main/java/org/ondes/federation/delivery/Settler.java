package org.ondes.federation.delivery;

import io.micronaut.context.event.ApplicationEventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Writes what the attempts came to, several at a time: the send threads hand over each outcome and go on, and one
 * thread turns whatever has gathered into one transaction ({@link DeliveryStore#settle}), then logs, publishes the
 * gone inboxes ({@link InboxGone}) and reports how many were settled. A batch's first outcome waits a moment
 * (25 ms, or until half a window has gathered) for others, so under load a batch holds several outcomes and the
 * database sees a few dozen transactions per second instead of one per delivery.
 */
final class Settler {
    private static final Logger LOG = LoggerFactory.getLogger(Settler.class);
    private static final int MAX_BATCH = 256;
    /**
     * How long the first outcome of a batch waits for others. Without it, sends that end a few milliseconds apart are
     * settled one transaction each (about 200 a second during a fan-out on loopback), and each transaction costs
     * PostgreSQL more than its two statements do; a short wait gathers several. An outcome written a little later
     * only holds its place in the worker's window that much longer.
     */
    static final long LINGER_NANOS = 25_000_000;

    private record Done(DeliveryStore.Due due, Outcome outcome) {
    }

    private final DeliveryStore store;
    private final ApplicationEventPublisher<InboxGone> events;
    private final Clock clock;
    private final Backoff backoff;
    private final CircuitRule circuit;
    private final IntConsumer settled;
    private final BlockingQueue<Done> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final Runnable atStart;
    private final long lingerNanos;
    private final int lingerUntil;

    /**
     * {@code settled} is told, on the settler's thread, how many outcomes each batch wrote (or failed to write);
     * {@code atStart} runs first on that thread (it lowers the thread's priority). A batch is written without
     * waiting further once {@code lingerUntil} outcomes have gathered (the worker passes half its window).
     */
    Settler(DeliveryStore store, ApplicationEventPublisher<InboxGone> events, Clock clock, Backoff backoff,
            CircuitRule circuit, IntConsumer settled, Runnable atStart, int lingerUntil) {
        this(store, events, clock, backoff, circuit, settled, atStart, lingerUntil, LINGER_NANOS);
    }

    /** As above, with another wait for a batch's first outcome (tests). */
    Settler(DeliveryStore store, ApplicationEventPublisher<InboxGone> events, Clock clock, Backoff backoff,
            CircuitRule circuit, IntConsumer settled, Runnable atStart, int lingerUntil, long lingerNanos) {
        this.lingerNanos = lingerNanos;
        this.lingerUntil = Math.max(1, lingerUntil);
        this.store = store;
        this.events = events;
        this.clock = clock;
        this.backoff = backoff;
        this.circuit = circuit;
        this.settled = settled;
        this.atStart = atStart;
        this.thread = new Thread(this::run, "fed-delivery-settle");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void add(DeliveryStore.Due due, Outcome outcome) {
        queue.add(new Done(due, outcome));
    }

    void stop() {
        thread.interrupt();
    }

    private void run() {
        atStart.run();
        List<Done> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(queue.take());
                gather(batch);
            } catch (InterruptedException e) {
                queue.drainTo(batch); // shutting down: write what is there
                if (!batch.isEmpty()) {
                    flush(batch);
                }
                return;
            }
            flush(batch);
            batch.clear();
        }
    }

    /** Adds what has gathered, waiting up to the linger time for {@code lingerUntil} outcomes. */
    private void gather(List<Done> batch) throws InterruptedException {
        long deadline = System.nanoTime() + lingerNanos;
        while (true) {
            queue.drainTo(batch, MAX_BATCH - batch.size());
            long left = deadline - System.nanoTime();
            if (batch.size() >= lingerUntil || left <= 0) {
                return;
            }
            Done next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
        }
    }

    private void flush(List<Done> batch) {
        Instant now = clock.instant();
        List<DeliveryStore.Settlement> settlements = batch.stream().map(d -> settlement(d, now)).toList();
        try {
            store.settle(settlements, circuit, now);
            for (int i = 0; i < batch.size(); i++) {
                report(batch.get(i), settlements.get(i));
            }
        } catch (RuntimeException e) {
            // the leases run out and the deliveries are tried again
            LOG.warn("Could not record the outcome of {} deliveries: {}", batch.size(), e.toString());
        } finally {
            settled.accept(batch.size());
        }
    }

    private DeliveryStore.Settlement settlement(Done done, Instant now) {
        DeliveryStore.Due d = done.due();
        Outcome o = done.outcome();
        if (o instanceof Outcome.Retry retry) {
            Optional<Instant> next = backoff.next(d.attempts(), d.queuedAt());
            return new DeliveryStore.Settlement(d, next.orElse(null), retry.status(), retry.reason(), retry.notFound(),
                    retry.host());
        }
        if (o instanceof Outcome.Dropped dropped) {
            return new DeliveryStore.Settlement(d, null, null, dropped.reason(), false, dropped.host());
        }
        if (o instanceof Outcome.Gone gone) {
            return new DeliveryStore.Settlement(d, null, gone.status(), null, false, gone.host());
        }
        return new DeliveryStore.Settlement(d, null, ((Outcome.Delivered) o).status(), null, false, o.host());
    }

    private void report(Done done, DeliveryStore.Settlement s) {
        DeliveryStore.Due d = done.due();
        Outcome o = done.outcome();
        if (o instanceof Outcome.Gone gone) {
            LOG.info("Inbox {} is gone (HTTP {}{})", d.inbox(), gone.status(), gone.status() == 404 ? ", third time" : "");
            try {
                events.publishEvent(new InboxGone(d.inbox()));
            } catch (RuntimeException e) {
                LOG.warn("A listener failed on the gone inbox {}", d.inbox(), e);
            }
        } else if (o instanceof Outcome.Dropped dropped) {
            LOG.info("Delivery of {} to {} dropped: {}", d.activityId(), d.inbox(), dropped.reason());
        } else if (o instanceof Outcome.Retry retry) {
            if (s.next() == null) {
                LOG.warn("Delivery of {} to {} given up after {} attempts since {}: {}", d.activityId(), d.inbox(),
                        d.attempts(), d.queuedAt(), retry.reason());
            } else {
                LOG.debug("Delivery of {} to {} failed (attempt {}), next at {}: {}", d.activityId(), d.inbox(),
                        d.attempts(), s.next(), retry.reason());
            }
        }
    }
}
