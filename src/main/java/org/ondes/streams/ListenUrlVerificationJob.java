package org.ondes.streams;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.ondes.probe.ListenUrlProbe;
import org.ondes.probe.ProbeResult;
import org.ondes.probe.ProbeSettings;
import org.ondes.streams.events.StreamEvent;
import org.ondes.streams.events.StreamWentLive;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks listen URLs of new sessions off the YP request path. A pending session is listed once its URL answers like
 * an Icecast mount; after {@link #ATTEMPTS} failures it is marked unreachable with the reason (shown to its owner) and
 * re-checked with a growing interval, so fixing the firewall lists it without waiting for Icecast to re-add.
 */
@Singleton
class ListenUrlVerificationJob {
    private static final Logger LOG = LoggerFactory.getLogger(ListenUrlVerificationJob.class);
    static final int ATTEMPTS = 3;
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final Duration MAX_RECHECK = Duration.ofMinutes(30);

    private final VerificationStore store;
    private final ListenUrlProbe probe;
    private final ApplicationEventPublisher<StreamEvent> events;
    private final boolean enabled;
    private final Semaphore slots;
    private final ExecutorService probes;
    private final ExecutorService claimer;
    private final AtomicBoolean claimQueued = new AtomicBoolean();

    ListenUrlVerificationJob(VerificationStore store, ListenUrlProbe probe, ProbeSettings settings,
                             ApplicationEventPublisher<StreamEvent> events,
                             @Value("${ondes.jobs.enabled:true}") boolean enabled) {
        this.store = store;
        this.probe = probe;
        this.events = events;
        this.enabled = enabled;
        int concurrency = Math.max(1, settings.concurrency());
        this.slots = new Semaphore(concurrency);
        AtomicInteger n = new AtomicInteger();
        this.probes = Executors.newFixedThreadPool(concurrency, r -> daemon(r, "listen-url-check-" + n.incrementAndGet()));
        this.claimer = Executors.newSingleThreadExecutor(r -> daemon(r, "listen-url-claim"));
    }

    @Scheduled(fixedDelay = "2s", initialDelay = "2s")
    void tick() {
        if (enabled) {
            wakeUp();
        }
    }

    /** Asks for a claim pass soon (after an add); passes never overlap on one instance. */
    void wakeUp() {
        if (enabled && claimQueued.compareAndSet(false, true)) {
            claimer.execute(() -> {
                claimQueued.set(false);
                try {
                    runOnce();
                } catch (RuntimeException e) {
                    LOG.warn("Listen-URL check pass failed: {}", e.toString());
                }
            });
        }
    }

    /** Claims due sessions (as many as there are free check slots) and starts their checks; returns how many. */
    int runOnce() {
        int free = slots.availablePermits();
        if (free == 0) {
            return 0;
        }
        List<VerificationStore.Due> due = store.claim(free, LEASE);
        for (VerificationStore.Due d : due) {
            slots.acquireUninterruptibly();
            probes.execute(() -> {
                try {
                    verify(d);
                } catch (RuntimeException e) {
                    LOG.warn("Listen-URL check of session {} failed: {}", d.sessionId(), e.toString());
                } finally {
                    slots.release();
                }
            });
        }
        return due.size();
    }

    void verify(VerificationStore.Due d) {
        ProbeResult result = probe.check(URI.create(d.listenUrl()));
        if (result instanceof ProbeResult.Reachable) {
            store.listed(d.sessionId()).ifPresent(listed -> {
                LOG.info("Session {} listed: {} answered", d.sessionId(), d.listenUrl());
                if (listed.hidden()) {
                    return; // the station is hidden: it goes live publicly when it is unhidden
                }
                try {
                    events.publishEvent(new StreamWentLive(d.sessionId(), listed.stationId(), Instant.now()));
                } catch (RuntimeException e) {
                    LOG.warn("A listener failed on went-live of {}", d.sessionId(), e);
                }
            });
        } else if (result instanceof ProbeResult.Deferred deferred) {
            store.deferred(d.sessionId(), deferred.reason(), Duration.ofSeconds(5));
        } else if (result instanceof ProbeResult.Unreachable u) {
            int attempt = d.attempts() + 1;
            if (attempt < ATTEMPTS) {
                store.failed(d.sessionId(), "pending", "Retrying the check: " + u.reason(), Duration.ofSeconds(10L * attempt));
            } else {
                store.failed(d.sessionId(), "unreachable", u.reason(), recheckDelay(attempt));
                LOG.info("Session {} unreachable: {}", d.sessionId(), u.reason());
            }
        }
    }

    static Duration recheckDelay(int attempt) {
        long minutes = 2L << Math.min(10, Math.max(0, attempt - ATTEMPTS));
        Duration d = Duration.ofMinutes(minutes);
        return d.compareTo(MAX_RECHECK) > 0 ? MAX_RECHECK : d;
    }

    @PreDestroy
    void stop() {
        claimer.shutdownNow();
        probes.shutdownNow();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
