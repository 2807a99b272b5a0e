package org.ondes.federation.outbox;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Live sessions published as Audio ({@code fed_live_sessions}) and the shared publishing passes. */
@Singleton
class LiveStore {
    /** A published session: open while {@code endedAt} is null. */
    record Published(UUID sessionId, UUID stationId, Instant lastSentAt, Instant endedAt) {
    }

    /** The answer to a claim for an Update: sent now, not before {@code notBefore}, or not published (any more). */
    sealed interface Claim {
        record Granted(UUID stationId) implements Claim {
        }

        record TooSoon(Instant notBefore) implements Claim {
        }

        record Closed() implements Claim {
        }
    }

    private static final String COLUMNS = "session_id, station_id, last_sent_at, ended_at";
    private final JdbcOperations jdbc;

    LiveStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Records that the session is published now; true when it was not (or had ended): its Create is due. */
    @Transactional
    boolean open(UUID sessionId, UUID stationId, Instant now) {
        return jdbc.prepareStatement("""
                INSERT INTO fed_live_sessions (session_id, station_id, published_at, last_sent_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (session_id) DO UPDATE SET ended_at = NULL, last_sent_at = excluded.last_sent_at
                WHERE fed_live_sessions.ended_at IS NOT NULL
                """, ps -> {
            ps.setObject(1, sessionId);
            ps.setObject(2, stationId);
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setTimestamp(4, Timestamp.from(now));
            return ps.executeUpdate();
        }) > 0;
    }

    /** Ends the session if it is published and open, returning its row; its Delete is due. */
    @Transactional
    Optional<Published> end(UUID sessionId, Instant now) {
        return jdbc.prepareStatement("UPDATE fed_live_sessions SET ended_at = ? WHERE session_id = ? AND ended_at IS NULL "
                + "RETURNING " + COLUMNS, ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setObject(2, sessionId);
            return rows(ps).stream().findFirst();
        });
    }

    /** The station's open sessions. */
    @Transactional
    List<UUID> openOfStation(UUID stationId) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM fed_live_sessions WHERE station_id = ? AND ended_at IS NULL",
                ps -> {
                    ps.setObject(1, stationId);
                    return rows(ps).stream().map(Published::sessionId).toList();
                });
    }

    /** Open sessions last sent before {@code before}: candidates for a Delete whose end went unnoticed. */
    @Transactional
    List<Published> openSentBefore(Instant before) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM fed_live_sessions WHERE ended_at IS NULL AND last_sent_at < ?",
                ps -> {
                    ps.setTimestamp(1, Timestamp.from(before));
                    return rows(ps);
                });
    }

    @Transactional
    Optional<Published> byId(UUID sessionId) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM fed_live_sessions WHERE session_id = ?", ps -> {
            ps.setObject(1, sessionId);
            return rows(ps).stream().findFirst();
        });
    }

    /**
     * When each of these sessions that is published and open was last sent; the others (never published, or ended)
     * are absent. One query for a whole pass of changes, so sessions nobody receives cost no round trip each.
     */
    @Transactional
    Map<UUID, Instant> lastSentOfOpen(Collection<UUID> sessionIds) {
        return jdbc.prepareStatement("SELECT session_id, last_sent_at FROM fed_live_sessions WHERE session_id = ANY (?) "
                + "AND ended_at IS NULL", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("uuid", sessionIds.toArray()));
            Map<UUID, Instant> out = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant());
                }
            }
            return out;
        });
    }

    /**
     * Takes the right to send an Update of the session now: granted when it is open and nothing was sent for it within
     * {@code minInterval} (on any instance: the row is updated atomically).
     */
    @Transactional
    Claim claimUpdate(UUID sessionId, Duration minInterval, Instant now) {
        Optional<Published> granted = jdbc.prepareStatement("""
                UPDATE fed_live_sessions SET last_sent_at = ?
                WHERE session_id = ? AND ended_at IS NULL AND last_sent_at <= ?
                RETURNING\s""" + COLUMNS, ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setObject(2, sessionId);
            ps.setTimestamp(3, Timestamp.from(now.minus(minInterval)));
            return rows(ps).stream().findFirst();
        });
        if (granted.isPresent()) {
            return new Claim.Granted(granted.get().stationId());
        }
        return byId(sessionId).filter(p -> p.endedAt() == null)
                .<Claim>map(p -> new Claim.TooSoon(p.lastSentAt().plus(minInterval)))
                .orElse(new Claim.Closed());
    }

    /** Takes the refresh of an open session: true when it is still open (its Update is due). */
    @Transactional
    boolean refresh(UUID sessionId, Instant now) {
        return jdbc.prepareStatement("UPDATE fed_live_sessions SET last_sent_at = ? WHERE session_id = ? AND ended_at IS NULL",
                ps -> {
                    ps.setTimestamp(1, Timestamp.from(now));
                    ps.setObject(2, sessionId);
                    return ps.executeUpdate();
                }) > 0;
    }

    /** Records a session that was never published (its Create was lost); true when it indeed had no row. */
    @Transactional
    boolean openMissed(UUID sessionId, UUID stationId, Instant now) {
        return jdbc.prepareStatement("""
                INSERT INTO fed_live_sessions (session_id, station_id, published_at, last_sent_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (session_id) DO NOTHING
                """, ps -> {
            ps.setObject(1, sessionId);
            ps.setObject(2, stationId);
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setTimestamp(4, Timestamp.from(now));
            return ps.executeUpdate();
        }) > 0;
    }

    /** Forgets sessions that ended more than {@code keep} ago (their ids then answer 404 instead of 410). */
    @Transactional
    int prune(Duration keep, Instant now) {
        return jdbc.prepareStatement("DELETE FROM fed_live_sessions WHERE ended_at < ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(now.minus(keep)));
            return ps.executeUpdate();
        });
    }

    /**
     * Takes the turn of a periodic pass shared by every instance on the database: true for exactly one caller per
     * {@code every} (the row is moved on atomically; the others see it moved and skip).
     */
    @Transactional
    boolean claimCycle(String job, Duration every, Instant now) {
        return jdbc.prepareStatement("UPDATE fed_publish_runs SET last_run_at = ? WHERE job = ? AND last_run_at <= ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, job);
            ps.setTimestamp(3, Timestamp.from(now.minus(every)));
            return ps.executeUpdate();
        }) > 0;
    }

    private static List<Published> rows(java.sql.PreparedStatement ps) throws java.sql.SQLException {
        List<Published> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Timestamp ended = rs.getTimestamp(4);
                out.add(new Published(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getTimestamp(3).toInstant(), ended == null ? null : ended.toInstant()));
            }
        }
        return out;
    }
}
