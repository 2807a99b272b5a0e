package org.ondes.config;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.IntSupplier;

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

    /**
     * Runs {@code batch} (which deletes or handles at most {@code size} rows and says how many) until it returns less
     * than a full batch or has run {@code maxBatches} times; returns the rows in all. The shape of every cleanup pass:
     * short transactions, and a backlog is worked off in one pass or, with a bound, over the next ones.
     */
    public static int inBatches(int size, int maxBatches, IntSupplier batch) {
        int total = 0;
        for (int i = 0; i < maxBatches; i++) {
            int n = batch.getAsInt();
            total += n;
            if (n < size) {
                break;
            }
        }
        return total;
    }
}
