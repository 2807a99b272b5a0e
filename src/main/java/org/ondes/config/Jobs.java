package org.ondes.config;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one trigger of scheduled passes: honours {@code ondes.jobs.enabled} (tests drive jobs by hand) and keeps a
 * failing pass from killing its schedule. Each job keeps its own {@code runOnce()} and SQL.
 */
@Singleton
public class Jobs {
    private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);
    private final boolean enabled;

    Jobs(@Value("${ondes.jobs.enabled:true}") boolean enabled) {
        this.enabled = enabled;
    }

    /** Runs one pass unless jobs are switched off; a failure is logged as "{@code what} failed" and retried next tick. */
    public void pass(String what, Runnable work) {
        if (!enabled) {
            return;
        }
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.warn("{} failed: {}", what, e.toString());
        }
    }
}
