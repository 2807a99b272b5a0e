package org.ondes.streams;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.ondes.config.Jobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/** Ends sessions whose Icecast stopped touching (removes are unreliable: none on shutdown or config change). */
@Singleton
class SessionExpiryJob {
    private static final Logger LOG = LoggerFactory.getLogger(SessionExpiryJob.class);
    private static final int BATCH = 1000;
    /** How long ended sessions are kept (remote ones: see {@link RemoteStationPruneJob}). */
    static final Duration RETENTION = Duration.ofDays(7);
    private final SessionStore store;
    private final StreamsSettings settings;
    private final Streams streams;
    private final Jobs jobs;

    SessionExpiryJob(SessionStore store, StreamsSettings settings, Streams streams, Jobs jobs) {
        this.store = store;
        this.settings = settings;
        this.streams = streams;
        this.jobs = jobs;
    }

    @Scheduled(fixedDelay = "15s", initialDelay = "10s")
    void tick() {
        jobs.pass("Session expiry pass", () -> {
            runOnce();
            store.purgeEnded(RETENTION);
        });
    }

    /** One pass; returns how many sessions it expired. Safe to run concurrently on several instances. */
    int runOnce() {
        int total = 0;
        List<SessionStore.Ended> ended;
        do {
            ended = store.expire(settings.grace(), BATCH);
            streams.offline(ended, "expired");
            total += ended.size();
        } while (ended.size() == BATCH);
        if (total > 0) {
            LOG.info("Expired {} session(s) not touched for {} s", total, settings.grace().toSeconds());
        }
        return total;
    }
}
