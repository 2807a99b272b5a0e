package org.ondes.streams;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for the write side of streams_sessions: add, touch (batched), remove, expiry and cut-offs. */
@Singleton
class SessionStore {
    /**
     * A session that ended; {@code wasListed} tells whether listeners could see it (listed, and its station not
     * hidden): then it went offline publicly.
     */
    record Ended(UUID sessionId, UUID stationId, boolean wasListed) {
    }

    record Added(UUID sessionId, UUID stationId, List<Ended> replaced) {
    }

    private final JdbcOperations jdbc;
    private final StationStore stations;

    SessionStore(JdbcOperations jdbc, StationStore stations) {
        this.jdbc = jdbc;
        this.stations = stations;
    }

    /**
     * Adds a session; an add for a listen URL already live under the same token replaces that session. With
     * {@code maxLive > 0} the add is refused (empty) when the token already has that many other live sessions. Adds of
     * one token queue on a per-token lock, so simultaneous adds (on any instance) cannot pass the count together.
     */
    @Transactional
    Optional<Added> add(Announcement a, String sid, String message, int maxLive) {
        ypTimeouts();
        String listenUrl = a.listenUrl().toString();
        jdbc.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended('streams.token ' || ?, 0))", ps -> {
            ps.setLong(1, a.tokenId());
            ps.executeQuery().close();
            return null;
        });
        if (maxLive > 0 && countLive(a.tokenId(), listenUrl) >= maxLive) {
            return Optional.empty();
        }
        List<Ended> replaced = end("token_id = ? AND listen_url = ?", "replaced", null, (ps, f) -> {
            ps.setLong(f, a.tokenId());
            ps.setString(f + 1, listenUrl);
        });
        UUID stationId = stations.upsert(a);
        UUID sessionId = jdbc.prepareStatement("""
                INSERT INTO streams_sessions (sid, station_id, token_id, listen_url, content_type, subtype, codec, bitrate,
                    quality, samplerate, channels, name, genre_raw, description, homepage, admin_contact, language,
                    source_instance, requester_ip, user_agent, last_message, next_probe_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
                RETURNING id
                """, ps -> {
            int i = 1;
            ps.setString(i++, sid);
            ps.setObject(i++, stationId);
            ps.setLong(i++, a.tokenId());
            ps.setString(i++, listenUrl);
            ps.setString(i++, a.contentType());
            ps.setString(i++, a.subtype());
            ps.setString(i++, Codecs.of(a.contentType(), a.subtype()));
            setInt(ps, i++, a.bitrate());
            ps.setString(i++, a.quality());
            setInt(ps, i++, a.samplerate());
            setInt(ps, i++, a.channels());
            ps.setString(i++, a.name());
            ps.setString(i++, a.genreRaw());
            ps.setString(i++, a.description());
            ps.setString(i++, a.homepage());
            ps.setString(i++, a.admin());
            ps.setString(i++, a.language());
            ps.setString(i++, a.sourceInstance());
            ps.setString(i++, a.requesterIp());
            ps.setString(i++, a.userAgent());
            ps.setString(i, message);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        });
        return Optional.of(new Added(sessionId, stationId, replaced));
    }

    @Transactional
    List<Ended> remove(String sid, long tokenId, String message) {
        ypTimeouts();
        return end("sid = ? AND token_id = ?", "removed", message, (ps, f) -> {
            ps.setString(f, sid);
            ps.setLong(f + 1, tokenId);
        });
    }

    @Transactional
    SidStatus status(String sid, long tokenId) {
        return jdbc.prepareStatement("SELECT token_id, ended_at, end_reason FROM streams_sessions WHERE sid = ?", ps -> {
            ps.setString(1, sid);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return SidStatus.UNKNOWN;
                }
                Timestamp ended = rs.getTimestamp(2);
                return new SidStatus(true, rs.getLong(1) == tokenId, ended == null ? null : ended.toInstant(), rs.getString(3));
            }
        });
    }

    /** Live sessions of the token, not counting one for {@code exceptListenUrl} (an add for it would replace it). */
    @Transactional
    int countLive(long tokenId, String exceptListenUrl) {
        return jdbc.prepareStatement("""
                SELECT count(*) FROM streams_sessions WHERE token_id = ? AND ended_at IS NULL AND listen_url <> ?
                """, ps -> {
            ps.setLong(1, tokenId);
            ps.setString(2, exceptListenUrl);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** Ends every live session announced with this token (revocation, end of a slot). */
    List<Ended> endAllOfToken(long tokenId, String reason) {
        return end("token_id = ?", reason, null, (ps, f) -> ps.setLong(f, tokenId));
    }

    /** Ends these sessions if they are still live (a ban rule matched them). */
    List<Ended> endByIds(java.util.Collection<UUID> sessionIds, String reason) {
        return end("id = ANY (?)", reason, null,
                (ps, f) -> ps.setArray(f, ps.getConnection().createArrayOf("uuid", sessionIds.toArray())));
    }

    /** Ends every live session of the owner's stations (suspension of the account). */
    List<Ended> endAllOfOwner(long ownerId, String reason) {
        return end("station_id IN (SELECT id FROM streams_stations WHERE owner_id = ?)", reason, null,
                (ps, f) -> ps.setLong(f, ownerId));
    }

    /**
     * Expires YP sessions not touched within {@code grace} (remote sessions expire by {@link #expireRemote}). Rows are claimed with SKIP LOCKED, so several Ondes
     * instances sharing the database never expire (and announce) the same session twice.
     */
    @Transactional
    List<Ended> expire(Duration grace, int limit) {
        return jdbc.prepareStatement("""
                UPDATE streams_sessions SET ended_at = now(), end_reason = 'expired'
                WHERE id IN (SELECT id FROM streams_sessions
                             WHERE ended_at IS NULL AND token_id IS NOT NULL
                               AND last_touch_at < now() - make_interval(secs => ?)
                             ORDER BY last_touch_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING id, station_id, state, (SELECT hidden FROM streams_stations st WHERE st.id = station_id)
                """, ps -> {
            ps.setLong(1, grace.toSeconds());
            ps.setInt(2, limit);
            return readEnded(ps);
        });
    }

    /** Ends the remote session with this Audio object id if its station comes from {@code origin}. */
    List<Ended> endRemote(String objectId, String origin, String reason) {
        return end("remote_object = ? AND station_id IN (SELECT id FROM streams_stations WHERE origin = ?)", reason, null,
                (ps, f) -> {
                    ps.setString(f, objectId);
                    ps.setString(f + 1, origin);
                });
    }

    /** Ends every live session of the stations from this origin (host[:port], exactly). */
    List<Ended> endAllOfOrigin(String origin, String reason) {
        return end("station_id IN (SELECT id FROM streams_stations WHERE origin = ?)", reason, null,
                (ps, f) -> ps.setString(f, origin));
    }

    /**
     * Ends every live session of the stations from {@code host} or its subdomains, on any port (a domain block);
     * {@code host} is lower case, without port.
     */
    List<Ended> endAllOfDomain(String host, String reason) {
        return end("station_id IN (SELECT id FROM streams_stations WHERE origin IS NOT NULL"
                + " AND (regexp_replace(origin, ':[0-9]+$', '') = ? OR regexp_replace(origin, ':[0-9]+$', '') LIKE ?))",
                reason, null, (ps, f) -> {
                    ps.setString(f, host);
                    ps.setString(f + 1, "%." + host.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
                });
    }

    /** Ends remote sessions whose origin did not refresh them in time; SKIP LOCKED as {@link #expire}. */
    @Transactional
    List<Ended> expireRemote(int limit) {
        return jdbc.prepareStatement("""
                UPDATE streams_sessions SET ended_at = now(), end_reason = 'expired'
                WHERE id IN (SELECT id FROM streams_sessions
                             WHERE ended_at IS NULL AND remote_object IS NOT NULL AND remote_expires_at < now()
                             ORDER BY remote_expires_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING id, station_id, state, (SELECT hidden FROM streams_stations st WHERE st.id = station_id)
                """, ps -> {
            ps.setInt(1, limit);
            return readEnded(ps);
        });
    }

    /**
     * Forgets ended YP sessions older than the retention period (their history is no longer shown). Remote sessions
     * are left to {@link RemotePruneStore}: a remote station's latest one says when it was last live.
     */
    @Transactional
    int purgeEnded(Duration retention) {
        return jdbc.prepareStatement("""
                DELETE FROM streams_sessions WHERE id IN (
                    SELECT id FROM streams_sessions
                    WHERE ended_at < now() - make_interval(secs => ?) AND token_id IS NOT NULL LIMIT 5000)
                """, ps -> {
            ps.setLong(1, retention.toSeconds());
            return ps.executeUpdate();
        });
    }

    /** Binds the caller's WHERE parameters, starting at parameter index {@code first}. */
    private interface Binder {
        void bind(PreparedStatement ps, int first) throws SQLException;
    }

    private List<Ended> end(String where, String reason, String message, Binder binder) {
        String sql = "UPDATE streams_sessions SET ended_at = now(), end_reason = ?, last_request_at = now(),"
                + " last_message = coalesce(?, last_message) WHERE ended_at IS NULL AND " + where
                + " RETURNING id, station_id, state, (SELECT hidden FROM streams_stations st WHERE st.id = station_id)";
        return jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, reason);
            ps.setString(2, message);
            binder.bind(ps, 3);
            return readEnded(ps);
        });
    }

    private static List<Ended> readEnded(PreparedStatement ps) throws SQLException {
        List<Ended> ended = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ended.add(new Ended(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        "listed".equals(rs.getString(3)) && !rs.getBoolean(4)));
            }
        }
        return ended;
    }

    /** Bounds YP-path statements so a stuck database turns into a quick, non-penalising reply instead of a timeout. */
    private void ypTimeouts() {
        jdbc.prepareStatement("SELECT set_config('statement_timeout', '2500', true), set_config('lock_timeout', '2000', true)",
                ps -> {
                    ps.executeQuery().close();
                    return null;
                });
    }

    private static void setInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }
}
