package org.ondes.federation.delivery;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.ondes.federation.FederationSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Works the delivery queue: claims due deliveries (as many as it has free send threads, see {@link DeliveryStore}),
 * sends each on its own thread outside any transaction, and settles the outcome: sent and gone deliveries are removed
 * (a gone inbox is published as {@link InboxGone}), refused ones dropped, failed ones put back with {@link Backoff}
 * and counted against their host's {@link CircuitRule}. A pass runs every second, when a delivery is queued on this
 * instance and when a send ends; passes never overlap on one instance, and several instances share the queue.
 */
@Singleton
class DeliveryWorker {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);

    private final DeliveryStore store;
    private final InboxSender sender;
    private final ApplicationEventPublisher<InboxGone> events;
    private final boolean enabled;
    private final Clock clock = Clock.systemUTC();
    private final Backoff backoff = new Backoff(clock, () -> ThreadLocalRandom.current().nextDouble());
    private final CircuitRule circuit = new CircuitRule(clock);
    private final Duration lease;
    private final Semaphore slots;
    private final ExecutorService senders;
    private final ExecutorService claimer;
    private final AtomicBoolean claimQueued = new AtomicBoolean();
    private final AtomicLong attempts = new AtomicLong();

    DeliveryWorker(DeliveryStore store, InboxSender sender, DeliverySettings settings, FederationSettings federation,
                   ApplicationEventPublisher<InboxGone> events, @Value("${ondes.jobs.enabled:true}") boolean jobs) {
        this.store = store;
        this.sender = sender;
        this.events = events;
        this.enabled = jobs && federation.enabled();
        int threads = Math.max(1, settings.threads());
        // longer than any send can take: connect (per address) and an answer of at most four read timeouts
        this.lease = Duration.ofMinutes(2).plusMillis(4L * (settings.connectTimeoutMs() + settings.readTimeoutMs()));
        this.slots = new Semaphore(threads);
        AtomicInteger n = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(threads, r -> daemon(r, "fed-delivery-" + n.incrementAndGet()));
        this.claimer = Executors.newSingleThreadExecutor(r -> daemon(r, "fed-delivery-claim"));
    }

    @Scheduled(fixedDelay = "1s", initialDelay = "1s")
    void tick() {
        wakeUp();
    }

    /** Asks for a claim pass soon; at most one is queued at a time. */
    void wakeUp() {
        if (enabled && claimQueued.compareAndSet(false, true)) {
            try {
                claimer.execute(() -> {
                    claimQueued.set(false);
                    try {
                        runOnce();
                    } catch (RuntimeException e) {
                        LOG.warn("Delivery pass failed: {}", e.toString());
                    }
                });
            } catch (RejectedExecutionException e) {
                claimQueued.set(false); // shutting down
            }
        }
    }

    /** Claims due deliveries for the free send threads and starts them; returns how many. */
    int runOnce() {
        int free = slots.availablePermits();
        if (free == 0) {
            return 0;
        }
        List<DeliveryStore.Due> due = store.claim(free, clock.instant(), lease);
        for (DeliveryStore.Due d : due) {
            slots.acquireUninterruptibly();
            try {
                senders.execute(() -> {
                    try {
                        attempt(d);
                    } catch (RuntimeException e) {
                        LOG.warn("Delivery of {} to {} failed: {}", d.activityId(), d.inbox(), e.toString());
                    } finally {
                        slots.release();
                        wakeUp();
                    }
                });
            } catch (RejectedExecutionException e) {
                slots.release(); // shutting down: the lease runs out and the row is due again
            }
        }
        return due.size();
    }

    /** Attempts made by this instance since it started. */
    long attempts() {
        return attempts.get();
    }

    private void attempt(DeliveryStore.Due d) {
        attempts.incrementAndGet();
        settle(d, sender.send(d));
    }

    void settle(DeliveryStore.Due d, Outcome outcome) {
        Instant now = clock.instant();
        if (outcome instanceof Outcome.Delivered) {
            store.remove(d, Outcome.Host.UP, null, circuit, now);
        } else if (outcome instanceof Outcome.Gone gone) {
            store.remove(d, Outcome.Host.UP, "HTTP " + gone.status(), circuit, now);
            LOG.info("Inbox {} is gone (HTTP {}{})", d.inbox(), gone.status(), gone.status() == 404 ? ", third time" : "");
            try {
                events.publishEvent(new InboxGone(d.inbox()));
            } catch (RuntimeException e) {
                LOG.warn("A listener failed on the gone inbox {}", d.inbox(), e);
            }
        } else if (outcome instanceof Outcome.Dropped dropped) {
            store.remove(d, dropped.host(), dropped.reason(), circuit, now);
            LOG.info("Delivery of {} to {} dropped: {}", d.activityId(), d.inbox(), dropped.reason());
        } else if (outcome instanceof Outcome.Retry retry) {
            Optional<Instant> next = backoff.next(d.attempts(), d.queuedAt());
            if (next.isPresent()) {
                store.retry(d, next.get(), retry, circuit, now);
                LOG.debug("Delivery of {} to {} failed (attempt {}), next at {}: {}", d.activityId(), d.inbox(),
                        d.attempts(), next.get(), retry.reason());
            } else {
                store.remove(d, retry.host(), retry.reason(), circuit, now);
                LOG.warn("Delivery of {} to {} given up after {} attempts since {}: {}", d.activityId(), d.inbox(),
                        d.attempts(), d.queuedAt(), retry.reason());
            }
        }
    }

    @PreDestroy
    void stop() {
        claimer.shutdownNow();
        senders.shutdownNow();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
