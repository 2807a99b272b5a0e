package org.ondes.streams;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.ondes.config.Jobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Forgets other instances' stations this one will not show again: a remote station with no live session, whose
 * last session ended more than {@code ondes.federation.remote-station-retention} ago (30 days by default), is deleted
 * with its sessions; one hidden by a moderator stays. It also deletes ended remote sessions after a week like
 * {@link SessionExpiryJob} does local ones, but keeps each station's latest, which tells when it was last live.
 * Local stations are never touched. Batches of {@value #BATCH}, one transaction each, claimed with SKIP LOCKED:
 * safe on every instance at once.
 */
@Singleton
class RemoteStationPruneJob {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteStationPruneJob.class);
    static final int BATCH = 500;

    /** What one pass deleted. */
    record Pruned(int stations, int sessions) {
    }

    private final RemotePruneStore store;
    private final RemoteStationSettings settings;
    private final Jobs jobs;

    RemoteStationPruneJob(RemotePruneStore store, RemoteStationSettings settings, Jobs jobs) {
        this.store = store;
        this.settings = settings;
        this.jobs = jobs;
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "2m")
    void tick() {
        jobs.pass("Remote station prune pass", this::runOnce);
    }

    Pruned runOnce() {
        int stations = Jobs.inBatches(BATCH, Integer.MAX_VALUE,
                () -> store.deleteStale(settings.remoteStationRetention(), BATCH));
        int sessions = Jobs.inBatches(BATCH, Integer.MAX_VALUE,
                () -> store.trimEnded(SessionExpiryJob.RETENTION, BATCH));
        if (stations > 0 || sessions > 0) {
            LOG.info("Deleted {} remote station(s) not live for {}, and {} ended remote session(s) older than {}",
                    stations, days(settings.remoteStationRetention()), sessions, days(SessionExpiryJob.RETENTION));
        }
        return new Pruned(stations, sessions);
    }

    /** 30d, 36h or 90m, as the setting is usually written. */
    static String days(Duration d) {
        if (d.toMinutes() % (24 * 60) == 0) {
            return d.toDays() + "d";
        }
        return d.toMinutes() % 60 == 0 ? d.toHours() + "h" : d.toMinutes() + "m";
    }
}
