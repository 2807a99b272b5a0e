package org.ondes.accounts;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.ondes.config.Jobs;

/** Deletes expired browser sessions (they already authenticate nobody); safe on every instance at once. */
@Singleton
class WebSessionPruneJob {
    private final WebSessions sessions;
    private final Jobs jobs;

    WebSessionPruneJob(WebSessions sessions, Jobs jobs) {
        this.sessions = sessions;
        this.jobs = jobs;
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "1m")
    void tick() {
        jobs.pass("Browser session prune pass", this::runOnce);
    }

    int runOnce() {
        int total = 0;
        int n;
        do {
            n = sessions.purgeExpired();
            total += n;
        } while (n == 5000);
        return total;
    }
}
