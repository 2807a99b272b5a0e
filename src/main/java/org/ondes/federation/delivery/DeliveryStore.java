package org.ondes.federation.delivery;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * SQL of the delivery queue ({@code fed_deliveries}) and of the receiving hosts' circuits ({@code fed_hosts}). Any
 * instance on the database may claim due rows: a claim leases them (sets {@code leased_until} and moves
 * {@code next_try_at} past the lease, counts the attempt) in one short transaction, taken one instance at a time,
 * so the network send runs outside any transaction, no row is sent twice at once, and the per-host cap holds over all
 * instances. A claimed row's {@code attempts} is its lease token: settling a row whose lease ran out and was taken
 * again changes nothing. Times come from the caller's clock.
 */
@Singleton
class DeliveryStore {

    /** A claimed delivery. {@code probe}: the one delivery let through to a host whose cool-off has ended. */
    record Due(long id, String activityId, String inbox, String host, String signer, byte[] body, int attempts,
               Instant queuedAt, int notFound, boolean probe) {
    }

    private final JdbcOperations jdbc;

    DeliveryStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues {@code body} for each target, due at {@code now}; a target that has the activity already is skipped. */
    @Transactional
    int insert(String activityId, byte[] body, String signer, List<InboxTarget> targets, Instant now) {
        return jdbc.prepareStatement("""
                INSERT INTO fed_deliveries (activity_id, inbox, host, signer, body, next_try_at, created_at)
                SELECT ?, t.inbox, t.host, ?, ?, ?, ? FROM unnest(?::text[], ?::text[]) AS t (inbox, host)
                ON CONFLICT (activity_id, inbox) DO NOTHING
                """, ps -> {
            ps.setString(1, activityId);
            ps.setString(2, signer);
            ps.setBytes(3, body);
            ps.setObject(4, at(now));
            ps.setObject(5, at(now));
            ps.setArray(6, texts(ps, targets.stream().map(InboxTarget::inbox).toList()));
            ps.setArray(7, texts(ps, targets.stream().map(InboxTarget::host).toList()));
            return ps.executeUpdate();
        });
    }

    /**
     * Leases up to {@code limit} due deliveries for {@code lease}: not to hosts whose circuit is open, not more per
     * host than {@link CircuitRule#concurrency} minus what is in flight to it already (on any instance), the hosts
     * taking turns. A host whose cool-off is over gets one probe, and stays closed to others until it is settled.
     */
    @Transactional
    List<Due> claim(int limit, Instant now, Duration lease) {
        Instant until = now.plus(lease);
        jdbc.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended('federation.delivery claim', 0))",
                PreparedStatement::execute);
        List<Due> due = jdbc.prepareStatement("""
                WITH busy AS (
                    SELECT host, count(*) AS n FROM fed_deliveries WHERE leased_until > ? GROUP BY host
                ), due AS (
                    SELECT d.id, d.next_try_at, COALESCE(h.consecutive_failures, 0) >= ? AS probe,
                           CASE WHEN COALESCE(h.consecutive_failures, 0) = 0 THEN ? ELSE ? END - COALESCE(b.n, 0) AS room,
                           row_number() OVER (PARTITION BY d.host ORDER BY d.next_try_at, d.id) AS turn
                    FROM fed_deliveries d
                    LEFT JOIN fed_hosts h ON h.host = d.host
                    LEFT JOIN busy b ON b.host = d.host
                    WHERE d.next_try_at <= ? AND (h.open_until IS NULL OR h.open_until <= ?)
                ), picked AS (
                    SELECT d.id, due.probe FROM due JOIN fed_deliveries d ON d.id = due.id
                    WHERE due.turn <= due.room
                    ORDER BY due.turn, due.next_try_at, due.id
                    LIMIT ?
                    FOR UPDATE OF d SKIP LOCKED
                )
                UPDATE fed_deliveries d SET attempts = d.attempts + 1, next_try_at = ?, leased_until = ?
                FROM picked p WHERE d.id = p.id
                RETURNING d.id, d.activity_id, d.inbox, d.host, d.signer, d.body, d.attempts, d.created_at,
                          d.not_found, p.probe
                """, ps -> {
            ps.setObject(1, at(now));
            ps.setInt(2, CircuitRule.THRESHOLD);
            ps.setInt(3, CircuitRule.concurrency(0));
            ps.setInt(4, CircuitRule.concurrency(1));
            ps.setObject(5, at(now));
            ps.setObject(6, at(now));
            ps.setInt(7, limit);
            ps.setObject(8, at(until));
            ps.setObject(9, at(until));
            List<Due> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getBytes(6), rs.getInt(7),
                            rs.getObject(8, OffsetDateTime.class).toInstant(), rs.getInt(9), rs.getBoolean(10)));
                }
            }
            return out;
        });
        Set<String> probed = new LinkedHashSet<>();
        due.stream().filter(Due::probe).forEach(d -> probed.add(d.host()));
        if (!probed.isEmpty()) {
            jdbc.prepareStatement("UPDATE fed_hosts SET open_until = ? WHERE host = ANY (?::text[])", ps -> {
                ps.setObject(1, at(until));
                ps.setArray(2, texts(ps, List.copyOf(probed)));
                return ps.executeUpdate();
            });
        }
        return due;
    }

    /** Removes a delivery (sent, gone, dropped or given up) and records what it told about its host. */
    @Transactional
    void remove(Due d, Outcome.Host verdict, String error, CircuitRule circuit, Instant now) {
        jdbc.prepareStatement("DELETE FROM fed_deliveries WHERE id = ? AND attempts = ?", ps -> {
            ps.setLong(1, d.id());
            ps.setInt(2, d.attempts());
            return ps.executeUpdate();
        });
        host(d, verdict, error, circuit, now);
    }

    /** Puts a delivery back for another attempt at {@code next} and records what it told about its host. */
    @Transactional
    void retry(Due d, Instant next, Outcome.Retry outcome, CircuitRule circuit, Instant now) {
        jdbc.prepareStatement("""
                UPDATE fed_deliveries SET next_try_at = ?, leased_until = NULL, last_status = ?, last_error = ?,
                       not_found = not_found + ?
                WHERE id = ? AND attempts = ?
                """, ps -> {
            ps.setObject(1, at(next));
            if (outcome.status() == null) {
                ps.setNull(2, Types.INTEGER);
            } else {
                ps.setInt(2, outcome.status());
            }
            ps.setString(3, outcome.reason());
            ps.setInt(4, outcome.notFound() ? 1 : 0);
            ps.setLong(5, d.id());
            ps.setInt(6, d.attempts());
            return ps.executeUpdate();
        });
        host(d, outcome.host(), outcome.reason(), circuit, now);
    }

    private void host(Due d, Outcome.Host verdict, String error, CircuitRule circuit, Instant now) {
        switch (verdict) {
            case UP -> hostUp(d.host(), now);
            case DOWN -> hostDown(d.host(), d.probe(), error, circuit, now);
            case UNKNOWN -> {
                if (d.probe()) { // nothing was learnt: let the next delivery probe the host at once
                    jdbc.prepareStatement("UPDATE fed_hosts SET open_until = ? WHERE host = ? AND open_until > ?", ps -> {
                        ps.setObject(1, at(now));
                        ps.setString(2, d.host());
                        ps.setObject(3, at(now));
                        return ps.executeUpdate();
                    });
                }
            }
        }
    }

    /** The host answered: its circuit closes. Written only when that changes something, or once a minute. */
    private void hostUp(String host, Instant now) {
        jdbc.prepareStatement("""
                INSERT INTO fed_hosts AS h (host, last_success_at) VALUES (?, ?)
                ON CONFLICT (host) DO UPDATE SET consecutive_failures = 0, open_until = NULL,
                       last_success_at = EXCLUDED.last_success_at
                WHERE h.consecutive_failures > 0 OR h.open_until IS NOT NULL OR h.last_success_at IS NULL
                   OR h.last_success_at < EXCLUDED.last_success_at - interval '1 minute'
                """, ps -> {
            ps.setString(1, host);
            ps.setObject(2, at(now));
            return ps.executeUpdate();
        });
    }

    private void hostDown(String host, boolean probe, String error, CircuitRule circuit, Instant now) {
        jdbc.prepareStatement("INSERT INTO fed_hosts (host) VALUES (?) ON CONFLICT (host) DO NOTHING", ps -> {
            ps.setString(1, host);
            return ps.executeUpdate();
        });
        CircuitRule.Host before = jdbc.prepareStatement(
                "SELECT consecutive_failures, open_until FROM fed_hosts WHERE host = ? FOR UPDATE", ps -> {
                    ps.setString(1, host);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        OffsetDateTime open = rs.getObject(2, OffsetDateTime.class);
                        return new CircuitRule.Host(rs.getInt(1), open == null ? null : open.toInstant());
                    }
                });
        CircuitRule.Host after = circuit.afterFailure(before, probe);
        jdbc.prepareStatement("""
                UPDATE fed_hosts SET consecutive_failures = ?, open_until = ?, last_failure_at = ?, last_error = ?
                WHERE host = ?
                """, ps -> {
            ps.setInt(1, after.failures());
            ps.setObject(2, after.openUntil() == null ? null : at(after.openUntil()), Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setObject(3, at(now));
            ps.setString(4, error);
            ps.setString(5, host);
            return ps.executeUpdate();
        });
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Array texts(PreparedStatement ps, List<String> values) throws SQLException {
        return ps.getConnection().createArrayOf("text", values.toArray(new String[0]));
    }
}
