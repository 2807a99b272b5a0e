package org.ondes.streams;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.ondes.config.Jobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends remote live streams whose origin stopped refreshing them (an outage, a lost Delete): each carries its own
 * deadline ({@code remote_expires_at}, 3 × the origin's refresh interval). Rows are claimed with SKIP LOCKED, so
 * instances sharing the database never end (and announce) one twice.
 */
@Singleton
class RemoteExpiryJob {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteExpiryJob.class);
    private final RemoteStreams remote;
    private final Jobs jobs;

    RemoteExpiryJob(RemoteStreams remote, Jobs jobs) {
        this.remote = remote;
        this.jobs = jobs;
    }

    @Scheduled(fixedDelay = "1s", initialDelay = "5s")
    void tick() {
        jobs.pass("Remote stream expiry pass", () -> {
            int n = remote.expire();
            if (n > 0) {
                LOG.info("Expired {} remote stream(s) their origin did not refresh", n);
            }
        });
    }
}
