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
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Works the delivery queue: claims due deliveries (see {@link DeliveryStore}), sends each on one of a few threads
 * outside any transaction, and hands the outcome to the {@link Settler}: sent and gone deliveries are removed (a gone
 * inbox is published as {@link InboxGone}), refused ones dropped, failed ones put back with {@link Backoff} and
 * counted against their host's {@link CircuitRule}. A pass runs every second, when a delivery is queued on this
 * instance and once settled deliveries free half of its window; passes never overlap on one instance, and several
 * instances share the queue. All of this work is paced by its CPU time ({@link CpuPacer}, {@link CpuBudget}) so
 * that a fan-out takes at most the configured share of a core from the requests being served.
 */
@Singleton
class DeliveryWorker {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);

    private final DeliveryStore store;
    private final InboxSender sender;
    private final Settler settler;
    private final boolean enabled;
    private final Clock clock = Clock.systemUTC();
    private final Duration lease;
    private final int threads;
    /**
     * Deliveries this instance may hold claimed at once: those being sent, and three times as many waiting for a
     * thread. A claim pass runs once half the window is free again: each pass reads every due row (about 3 ms of
     * database CPU with a thousand queued), so claiming in larger steps leaves more of the database to the requests
     * being served while a fan-out runs.
     */
    private final int window;
    private final AtomicInteger claimed = new AtomicInteger();
    private final ExecutorService senders;
    private final ExecutorService claimer;
    private final AtomicBoolean claimQueued = new AtomicBoolean();
    private final AtomicLong attempts = new AtomicLong();
    private final CpuPacer pacer;
    /** The settler thread's CPU time when it last reported: what it used since is the batch's. */
    private long settlerCpu;

    DeliveryWorker(DeliveryStore store, InboxSender sender, DeliverySettings settings, FederationSettings federation,
                   ApplicationEventPublisher<InboxGone> events, @Value("${ondes.jobs.enabled:true}") boolean jobs) {
        this.store = store;
        this.sender = sender;
        this.enabled = jobs && federation.enabled();
        this.threads = Math.max(1, settings.threads());
        this.window = 4 * threads;
        this.pacer = new CpuPacer(settings.cpuShare());
        // longer than any send can take: connect (per address) and an answer of at most four read timeouts
        this.lease = Duration.ofMinutes(2).plusMillis(4L * (settings.connectTimeoutMs() + settings.readTimeoutMs()));
        AtomicInteger n = new AtomicInteger();
        int nice = settings.nice();
        this.senders = Executors.newFixedThreadPool(threads, r -> daemon(r, "fed-delivery-" + n.incrementAndGet(), nice));
        this.claimer = Executors.newSingleThreadExecutor(r -> daemon(r, "fed-delivery-claim", nice));
        this.settler = new Settler(store, events, clock,
                new Backoff(clock, () -> ThreadLocalRandom.current().nextDouble()), new CircuitRule(clock), this::settled,
                () -> ThreadNice.lower(nice), window / 2);
        if (enabled) {
            settler.start();
        }
    }

    @Scheduled(fixedDelay = "1s", initialDelay = "1s")
    void tick() {
        wakeUp();
    }

    /** Removes stored activities no queued delivery needs any more (see {@link DeliveryStore#sweepPayloads}). */
    @Scheduled(fixedDelay = "10m", initialDelay = "1m")
    void sweep() {
        if (enabled) {
            try {
                store.sweepPayloads();
            } catch (RuntimeException e) {
                LOG.warn("Sweeping delivered activities failed: {}", e.toString());
            }
        }
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

    /**
     * Claims due deliveries to fill the window and queues them for the send threads; returns how many. Claiming
     * ahead of the threads lets one pass serve several sends: a pass costs the database about the same for one
     * delivery as for sixteen.
     */
    int runOnce() {
        int room = window - claimed.get();
        if (room <= 0) {
            return 0;
        }
        long cpu = pacer.threadCpu();
        List<DeliveryStore.Due> due = store.claim(room, clock.instant(), lease);
        pacer.charge(cpu);
        claimed.addAndGet(due.size());
        for (DeliveryStore.Due d : due) {
            try {
                senders.execute(() -> attempt(d));
            } catch (RejectedExecutionException e) {
                claimed.decrementAndGet(); // shutting down: the lease runs out and the delivery is due again
            }
        }
        return due.size();
    }

    /** Attempts made by this instance since it started. */
    long attempts() {
        return attempts.get();
    }

    private void attempt(DeliveryStore.Due d) {
        CpuBudget.Turn turn;
        try {
            turn = pacer.awaitTurn();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // shutting down: the lease runs out and the delivery is due again
            return;
        }
        attempts.incrementAndGet();
        long cpu = pacer.threadCpu();
        Outcome outcome;
        try {
            outcome = sender.send(d);
        } catch (RuntimeException e) {
            LOG.warn("Delivery of {} to {} failed: {}", d.activityId(), d.inbox(), e.toString());
            outcome = new Outcome.Retry(null, "internal error: " + e.getClass().getSimpleName(), false,
                    Outcome.Host.UNKNOWN);
        }
        pacer.finish(turn, cpu);
        settler.add(d, outcome);
    }

    /** The settler wrote {@code count} outcomes: their places in the window are free again. */
    private void settled(int count) {
        long before = settlerCpu;
        settlerCpu = pacer.threadCpu();
        pacer.charge(before);
        if (window - claimed.addAndGet(-count) >= window / 2) {
            wakeUp();
        }
    }

    @PreDestroy
    void stop() {
        claimer.shutdownNow();
        senders.shutdownNow();
        settler.stop();
    }

    /** A delivery thread: it first lowers its own CPU priority ({@link ThreadNice}), then works. */
    private static Thread daemon(Runnable r, String name, int nice) {
        Thread t = new Thread(() -> {
            ThreadNice.lower(nice);
            r.run();
        }, name);
        t.setDaemon(true);
        return t;
    }
}
