package org.ondes.moderation;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The ban rules of this instance, in memory, so a YP add checks them without a query. Several instances share the
 * database: each one reads the rules' version row every {@value #REFRESH_MILLIS} ms and reloads the rules when it
 * changed, so a rule made elsewhere applies here within about a second.
 *
 * <p>An add checked against the old rules may still be storing its session when the new ones arrive. So, after
 * swapping in rules it had not seen, the instance sweeps the live sessions against them (an add that commits later
 * sees the swap and re-checks its own session, see {@link Bans#afterAdd}). Together with the sweep of the instance
 * that made the rule, no matching session stays live longer than the swap takes.
 */
@Singleton
class BanCache {
    static final long REFRESH_MILLIS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(BanCache.class);
    private static final long WARN_EVERY_MS = 60_000;

    private final BanStore store;
    private final BanSweep sweep;
    private volatile BanSet current;
    private long lastWarning;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ban-rules-refresh");
        t.setDaemon(true);
        return t;
    });

    BanCache(BanStore store, BanSweep sweep) {
        this.store = store;
        this.sweep = sweep;
        refresher.scheduleWithFixedDelay(this::refreshQuietly, REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The rules as this instance knows them; loads them on first use (empty, and logged, if the database fails). */
    BanSet current() {
        BanSet set = current;
        if (set != null) {
            return set;
        }
        try {
            refresh();
        } catch (RuntimeException e) {
            warn(e);
        }
        return current != null ? current : BanSet.EMPTY;
    }

    /** The reason of the first current rule {@code subject} matches, if any. */
    Optional<String> refusal(BanSubject subject) {
        return current().match(subject).map(m -> m.rule().reason());
    }

    /** Reloads the rules if their version changed, then sweeps live sessions against the rules new to this instance. */
    synchronized void refresh() {
        BanSet before = current;
        if (before != null && store.version() == before.version()) {
            return;
        }
        BanSet fresh = store.load();
        current = fresh;
        if (before == null) {
            return; // rules that existed before this instance started were swept when they were made
        }
        Set<Long> known = before.rules().stream().map(BanRule::id).collect(Collectors.toSet());
        List<BanRule> added = fresh.rules().stream().filter(r -> !known.contains(r.id())).toList();
        if (!added.isEmpty()) {
            int ended = sweep.sweep(new BanSet(fresh.version(), added));
            if (ended > 0) {
                LOG.info("Ended {} live sessions matching new ban rules {}", ended,
                        added.stream().map(BanRule::id).toList());
            }
        }
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            warn(e);
        }
    }

    private synchronized void warn(RuntimeException e) {
        long now = System.currentTimeMillis();
        if (now - lastWarning > WARN_EVERY_MS) {
            lastWarning = now;
            LOG.warn("Ban rules not refreshed (the ones in memory stay in force): {}", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        refresher.shutdownNow();
    }
}
