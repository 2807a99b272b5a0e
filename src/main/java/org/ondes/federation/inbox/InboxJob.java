package org.ondes.federation.inbox;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Works the inbox queue after the 202: claims stored activities with {@code FOR UPDATE SKIP LOCKED} and a lease (so
 * instances sharing the database never handle one twice at once), handles each in its own transaction, retries a
 * failure with a growing delay up to {@link #ATTEMPTS} times, and forgets handled activities after a week (long after
 * any signature on a replay would have expired).
 */
@Singleton
class InboxJob {
    static final int ATTEMPTS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(InboxJob.class);
    private final JdbcOperations jdbc;
    private final JsonMapper json;
    private final ActivityHandlers handlers;
    private final boolean enabled;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "federation-inbox");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    InboxJob(JdbcOperations jdbc, JsonMapper json, ActivityHandlers handlers,
             @Value("${ondes.jobs.enabled:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.json = json;
        this.handlers = handlers;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelay = "2s", initialDelay = "2s")
    void tick() {
        wakeUp();
    }

    /** Asks for a pass soon; passes never overlap on one instance. */
    void wakeUp() {
        if (enabled && queued.compareAndSet(false, true)) {
            worker.execute(() -> {
                queued.set(false);
                try {
                    while (runOnce() > 0) {
                        // keep going while there is work
                    }
                } catch (RuntimeException e) {
                    LOG.warn("Inbox pass failed: {}", e.toString());
                }
            });
        }
    }

    record Claimed(long id, byte[] body, int attempts) {
    }

    /** Claims and handles up to 20 due activities; returns how many were claimed. */
    int runOnce() {
        List<Claimed> claimed = claim(20);
        for (Claimed c : claimed) {
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> activity = json.readValue(c.body(), Map.class);
                handlers.handle(activity);
                finish(c.id(), null);
            } catch (Exception e) {
                String error = e.getMessage() == null ? e.toString() : e.getMessage();
                if (c.attempts() >= ATTEMPTS) {
                    LOG.warn("Giving up on inbox activity {} after {} attempts: {}", c.id(), c.attempts(), error);
                    finish(c.id(), error);
                } else {
                    LOG.info("Inbox activity {} failed (attempt {}), retrying: {}", c.id(), c.attempts(), error);
                }
            }
        }
        prune();
        return claimed.size();
    }

    @Transactional
    List<Claimed> claim(int max) {
        return jdbc.prepareStatement("""
                UPDATE fed_inbox SET attempts = attempts + 1,
                       next_try_at = now() + make_interval(secs => 15 * power(2, attempts))
                WHERE id IN (SELECT id FROM fed_inbox WHERE done_at IS NULL AND next_try_at <= now()
                             ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING id, body, attempts
                """, ps -> {
            ps.setInt(1, max);
            List<Claimed> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Claimed(rs.getLong(1), rs.getBytes(2), rs.getInt(3)));
                }
            }
            out.sort(java.util.Comparator.comparingLong(Claimed::id));
            return out;
        });
    }

    @Transactional
    void finish(long id, String error) {
        jdbc.prepareStatement("UPDATE fed_inbox SET done_at = now(), error = ? WHERE id = ?", ps -> {
            ps.setString(1, error == null ? null : error.substring(0, Math.min(error.length(), 500)));
            ps.setLong(2, id);
            return ps.executeUpdate();
        });
    }

    @Transactional
    void prune() {
        jdbc.prepareStatement("DELETE FROM fed_inbox WHERE done_at < now() - interval '7 days'", ps -> ps.executeUpdate());
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
