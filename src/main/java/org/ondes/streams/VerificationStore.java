package org.ondes.streams;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL for the listen-URL check queue: sessions that are not listed yet carry {@code next_probe_at}. Claiming pushes
 * it forward by a lease (under SKIP LOCKED), so the network check runs outside any transaction and no two instances
 * check the same session at once.
 */
@Singleton
class VerificationStore {
    record Due(UUID sessionId, String listenUrl, int attempts) {
    }

    private final JdbcOperations jdbc;

    VerificationStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    List<Due> claim(int limit, Duration lease) {
        return jdbc.prepareStatement("""
                UPDATE streams_sessions SET next_probe_at = now() + make_interval(secs => ?)
                WHERE id IN (SELECT id FROM streams_sessions
                             WHERE ended_at IS NULL AND state <> 'listed' AND next_probe_at <= now()
                             ORDER BY next_probe_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING id, listen_url, probe_attempts
                """, ps -> {
            ps.setLong(1, lease.toSeconds());
            ps.setInt(2, limit);
            List<Due> due = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    due.add(new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3)));
                }
            }
            return due;
        });
    }

    /** A session that just became listed; {@code hidden}: its station is hidden, so nobody else sees it. */
    record Listed(UUID stationId, boolean hidden) {
    }

    /** Marks the session listed; returns its station when it was still live and not listed before. */
    @Transactional
    Optional<Listed> listed(UUID sessionId) {
        return jdbc.prepareStatement("""
                UPDATE streams_sessions s SET state = 'listed', state_reason = NULL, verified_at = now(), probe_attempts = 0,
                       next_probe_at = NULL
                FROM streams_stations st
                WHERE s.id = ? AND s.ended_at IS NULL AND s.state <> 'listed' AND st.id = s.station_id
                RETURNING s.station_id, st.hidden
                """, ps -> {
            ps.setObject(1, sessionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Listed(rs.getObject(1, UUID.class), rs.getBoolean(2))) : Optional.empty();
            }
        });
    }

    /** The check could not run yet (its host is busy): try again after {@code retryIn}, without counting an attempt. */
    @Transactional
    void deferred(UUID sessionId, String reason, Duration retryIn) {
        jdbc.prepareStatement("""
                UPDATE streams_sessions SET state_reason = CASE WHEN state = 'pending' THEN ? ELSE state_reason END,
                       next_probe_at = now() + make_interval(secs => ?)
                WHERE id = ? AND ended_at IS NULL AND state <> 'listed'
                """, ps -> {
            ps.setString(1, reason);
            ps.setLong(2, retryIn.toSeconds());
            ps.setObject(3, sessionId);
            return ps.executeUpdate();
        });
    }

    /** Records a failed check: still pending while retries remain, then unreachable with a slower re-check. */
    @Transactional
    void failed(UUID sessionId, String state, String reason, Duration retryIn) {
        jdbc.prepareStatement("""
                UPDATE streams_sessions SET state = ?, state_reason = ?, probe_attempts = probe_attempts + 1,
                       next_probe_at = now() + make_interval(secs => ?)
                WHERE id = ? AND ended_at IS NULL AND state <> 'listed'
                """, ps -> {
            ps.setString(1, state);
            ps.setString(2, reason);
            ps.setLong(3, retryIn.toSeconds());
            ps.setObject(4, sessionId);
            return ps.executeUpdate();
        });
    }
}
