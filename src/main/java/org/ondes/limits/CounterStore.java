package org.ondes.limits;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.sql.ResultSet;
import java.time.Duration;

/**
 * SQL for limits_counters and limits_login_failures (V10). Windows are computed from the database's clock, so every
 * instance counts into the same window whatever its own clock says. Each call is one short transaction with tight
 * timeouts: limits sit in front of the YP endpoint, which must answer Icecast within seconds.
 */
@Singleton
class CounterStore {
    /** Counts of one key: the previous and the current fixed window, and how far into the current one we are. */
    record Counts(long previous, long current, Duration elapsed) {
    }

    private static final String WINDOW = """
            SELECT to_timestamp(floor(extract(epoch FROM now()) / ?) * ?) AS start
            """;

    private final JdbcOperations jdbc;

    CounterStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts one hit for {@code bucket} and returns the counts including it. */
    @Transactional
    Counts hit(String bucket, Duration window) {
        timeouts();
        long w = window.toSeconds();
        return jdbc.prepareStatement("WITH w AS (" + WINDOW + """
                ), cur AS (
                    INSERT INTO limits_counters (bucket, window_start, hits, expires_at)
                    SELECT ?, w.start, 1, w.start + make_interval(secs => 2 * ?) FROM w
                    ON CONFLICT (bucket, window_start) DO UPDATE SET hits = limits_counters.hits + 1
                    RETURNING hits, window_start)
                SELECT coalesce((SELECT p.hits FROM limits_counters p
                                 WHERE p.bucket = ? AND p.window_start = cur.window_start - make_interval(secs => ?)), 0),
                       cur.hits, extract(epoch FROM now() - cur.window_start) * 1000
                FROM cur
                """, ps -> {
            ps.setLong(1, w);
            ps.setLong(2, w);
            ps.setString(3, bucket);
            ps.setLong(4, w);
            ps.setString(5, bucket);
            ps.setLong(6, w);
            return counts(ps.executeQuery());
        });
    }

    /** The counts of {@code bucket} without counting anything. */
    @Transactional
    Counts peek(String bucket, Duration window) {
        timeouts();
        long w = window.toSeconds();
        return jdbc.prepareStatement("WITH w AS (" + WINDOW + """
                )
                SELECT coalesce((SELECT hits FROM limits_counters
                                 WHERE bucket = ? AND window_start = w.start - make_interval(secs => ?)), 0),
                       coalesce((SELECT hits FROM limits_counters WHERE bucket = ? AND window_start = w.start), 0),
                       extract(epoch FROM now() - w.start) * 1000
                FROM w
                """, ps -> {
            ps.setLong(1, w);
            ps.setLong(2, w);
            ps.setString(3, bucket);
            ps.setLong(4, w);
            ps.setString(5, bucket);
            return counts(ps.executeQuery());
        });
    }

    /** How long {@code bucket} must still wait before its next sign-in attempt; zero or negative when it need not. */
    @Transactional
    Duration loginWait(String bucket) {
        timeouts();
        return jdbc.prepareStatement("""
                SELECT coalesce((SELECT extract(epoch FROM blocked_until - now()) * 1000
                                 FROM limits_login_failures WHERE bucket = ?), 0)
                """, ps -> {
            ps.setString(1, bucket);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Duration.ofMillis((long) Math.ceil(rs.getDouble(1)));
            }
        });
    }

    /** Records a failed sign-in and the wait it imposes; returns the failures counted so far. */
    @Transactional
    int loginFailed(String bucket, LoginBackoff backoff) {
        timeouts();
        long forget = backoff.forgetAfter().toSeconds();
        int failures = jdbc.prepareStatement("""
                INSERT INTO limits_login_failures AS f (bucket, failures, last_failure_at, blocked_until, expires_at)
                VALUES (?, 1, now(), now(), now() + make_interval(secs => ?))
                ON CONFLICT (bucket) DO UPDATE SET
                    failures = CASE WHEN f.last_failure_at < now() - make_interval(secs => ?) THEN 1 ELSE f.failures + 1 END,
                    last_failure_at = now(), expires_at = now() + make_interval(secs => ?)
                RETURNING failures
                """, ps -> {
            ps.setString(1, bucket);
            ps.setLong(2, forget);
            ps.setLong(3, forget);
            ps.setLong(4, forget);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
        Duration delay = backoff.delayAfter(failures);
        if (!delay.isZero()) {
            jdbc.prepareStatement("""
                    UPDATE limits_login_failures SET blocked_until = now() + make_interval(secs => ?) WHERE bucket = ?
                    """, ps -> {
                ps.setDouble(1, delay.toMillis() / 1000.0);
                ps.setString(2, bucket);
                return ps.executeUpdate();
            });
        }
        return failures;
    }

    /**
     * Deletes up to {@code batch} rows of each table that no window or wait needs any more; rows are claimed with
     * SKIP LOCKED, so instances pruning at once share the work. Returns the rows deleted.
     */
    @Transactional
    int prune(int batch) {
        int counters = jdbc.prepareStatement("""
                DELETE FROM limits_counters WHERE (bucket, window_start) IN (
                    SELECT bucket, window_start FROM limits_counters WHERE expires_at < now() LIMIT ? FOR UPDATE SKIP LOCKED)
                """, ps -> {
            ps.setInt(1, batch);
            return ps.executeUpdate();
        });
        int failures = jdbc.prepareStatement("""
                DELETE FROM limits_login_failures WHERE bucket IN (
                    SELECT bucket FROM limits_login_failures
                    WHERE expires_at < now() AND blocked_until < now() LIMIT ? FOR UPDATE SKIP LOCKED)
                """, ps -> {
            ps.setInt(1, batch);
            return ps.executeUpdate();
        });
        return counters + failures;
    }

    private void timeouts() {
        jdbc.prepareStatement("SELECT set_config('statement_timeout', '1500', true), set_config('lock_timeout', '1000', true)",
                ps -> {
                    ps.executeQuery().close();
                    return null;
                });
    }

    private static Counts counts(ResultSet rs) throws java.sql.SQLException {
        try (rs) {
            rs.next();
            return new Counts(rs.getLong(1), rs.getLong(2), Duration.ofMillis(Math.max(0, (long) rs.getDouble(3))));
        }
    }
}
