package org.ondes.streams;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL for remote stations and sessions (other instances' live streams): one station per remote actor, one session
 * per Audio object. Callers provide the transaction. Remote sessions are listed at once (their origin checked them).
 */
@Singleton
class RemoteSessionStore {
    /** What an upsert did. */
    enum Kind { NEW, CHANGED, UNCHANGED }

    /**
     * @param visible the station is not hidden: listeners see the session
     */
    record Upserted(UUID sessionId, UUID stationId, Kind kind, boolean songChanged, String currentSong, int listeners,
                    boolean visible) {
    }

    /** The session's columns an update may change, in the order {@link #SESSION_VALUES} binds them. */
    private static final String SESSION_COLUMNS = """
            listen_url, content_type, codec, bitrate, samplerate, channels, name, genre_raw, description, homepage,
            language, current_song, listeners""";
    private static final int SESSION_VALUES = 13;

    private final JdbcOperations jdbc;

    RemoteSessionStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Creates or refreshes the station and the session of {@code l}. Empty when the object may not be (re)listed: it
     * was deleted by its origin, or it belongs to another station than it did. Updates of one object queue on a lock,
     * so a Create and an Update handled at once on two instances make one session.
     */
    Optional<Upserted> upsert(RemoteListing l) {
        jdbc.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended('streams.remote ' || ?, 0))", ps -> {
            ps.setString(1, l.objectId());
            ps.executeQuery().close();
            return null;
        });
        Station station = station(l);
        return jdbc.prepareStatement("SELECT id, station_id, ended_at IS NULL, end_reason, " + SESSION_COLUMNS
                + " FROM streams_sessions WHERE remote_object = ? FOR UPDATE", ps -> {
            ps.setString(1, l.objectId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.of(insert(l, station));
                }
                UUID sessionId = rs.getObject(1, UUID.class);
                if (!station.id().equals(rs.getObject(2, UUID.class)) || "removed".equals(rs.getString(4))) {
                    return Optional.empty();
                }
                boolean live = rs.getBoolean(3);
                Object[] before = new Object[SESSION_VALUES];
                for (int i = 0; i < SESSION_VALUES; i++) {
                    before[i] = rs.getObject(5 + i);
                }
                Object[] after = values(l);
                update(sessionId, l);
                boolean songChanged = !Objects.equals(before[11], after[11]);
                Kind kind = !live ? Kind.NEW
                        : station.changed() || !Arrays.equals(before, after) ? Kind.CHANGED : Kind.UNCHANGED;
                return Optional.of(new Upserted(sessionId, station.id(), kind, songChanged, l.nowPlaying(),
                        l.listeners(), !station.hidden()));
            }
        });
    }

    private record Station(UUID id, boolean changed, boolean hidden) {
    }

    private Station station(RemoteListing l) {
        Optional<Station> changed = jdbc.prepareStatement("""
                INSERT INTO streams_stations (origin, remote_actor, remote_url, name_key, name, description, homepage,
                    genres, profile_country, profile_logo_url)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (remote_actor) DO UPDATE SET remote_url = excluded.remote_url, name_key = excluded.name_key,
                    name = excluded.name, description = excluded.description, homepage = excluded.homepage,
                    genres = excluded.genres, profile_country = excluded.profile_country,
                    profile_logo_url = excluded.profile_logo_url, updated_at = now()
                WHERE (streams_stations.remote_url, streams_stations.name, streams_stations.description,
                       streams_stations.homepage, streams_stations.genres, streams_stations.profile_country,
                       streams_stations.profile_logo_url)
                      IS DISTINCT FROM (excluded.remote_url, excluded.name, excluded.description, excluded.homepage,
                       excluded.genres, excluded.profile_country, excluded.profile_logo_url)
                RETURNING id, hidden
                """, ps -> {
            int i = 1;
            ps.setString(i++, l.origin());
            ps.setString(i++, l.actor());
            ps.setString(i++, l.stationUrl());
            ps.setString(i++, StationKey.of(l.name()));
            ps.setString(i++, l.name());
            ps.setString(i++, l.description());
            ps.setString(i++, l.homepage());
            ps.setArray(i++, ps.getConnection().createArrayOf("text", l.genres().toArray()));
            ps.setString(i++, l.country());
            ps.setString(i, l.logoUrl());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Station(rs.getObject(1, UUID.class), true, rs.getBoolean(2)))
                        : Optional.empty();
            }
        });
        return changed.orElseGet(() -> jdbc.prepareStatement(
                "SELECT id, hidden FROM streams_stations WHERE remote_actor = ?", ps -> {
                    ps.setString(1, l.actor());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return new Station(rs.getObject(1, UUID.class), false, rs.getBoolean(2));
                    }
                }));
    }

    private Upserted insert(RemoteListing l, Station station) {
        UUID id = jdbc.prepareStatement("INSERT INTO streams_sessions (sid, station_id, remote_object, remote_expires_at,"
                + " state, verified_at, started_at, song_changed_at, last_message, " + SESSION_COLUMNS + """
                )
                VALUES (?, ?, ?, now() + make_interval(secs => ?), 'listed', now(), ?, CASE WHEN ? THEN now() END, ?,
                        ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                RETURNING id
                """, ps -> {
            int i = 1;
            ps.setString(i++, "REMOTE-" + Streams.newSid());
            ps.setObject(i++, station.id());
            ps.setString(i++, l.objectId());
            ps.setLong(i++, l.expiresIn().toSeconds());
            ps.setTimestamp(i++, Timestamp.from(l.startedAt()));
            ps.setBoolean(i++, l.nowPlaying() != null);
            ps.setString(i++, "listed by " + l.origin());
            bindValues(ps, i, l);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        });
        return new Upserted(id, station.id(), Kind.NEW, l.nowPlaying() != null, l.nowPlaying(), l.listeners(),
                !station.hidden());
    }

    private void update(UUID sessionId, RemoteListing l) {
        jdbc.prepareStatement("""
                UPDATE streams_sessions SET ended_at = NULL, end_reason = NULL,
                       remote_expires_at = now() + make_interval(secs => ?), last_touch_at = now(),
                       last_request_at = now(), touch_count = touch_count + 1,
                       song_changed_at = CASE WHEN current_song IS DISTINCT FROM ? THEN now() ELSE song_changed_at END,
                       (""" + SESSION_COLUMNS + """
                ) = (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                WHERE id = ?
                """, ps -> {
            ps.setLong(1, l.expiresIn().toSeconds());
            ps.setString(2, l.nowPlaying());
            ps.setObject(3 + SESSION_VALUES, sessionId);
            bindValues(ps, 3, l);
            return ps.executeUpdate();
        });
    }

    /** The values of {@link #SESSION_COLUMNS}, as JDBC reads them back. */
    private static Object[] values(RemoteListing l) {
        return new Object[]{l.listenUrl().toString(), l.contentType(), l.codec(), l.bitrate(), l.samplerate(),
                l.channels(), l.name(), String.join(", ", l.genres()), l.description(), l.homepage(), l.language(),
                l.nowPlaying(), l.listeners()};
    }

    private static void bindValues(PreparedStatement ps, int first, RemoteListing l) throws SQLException {
        Object[] v = values(l);
        for (int k = 0; k < v.length; k++) {
            if (v[k] == null) {
                ps.setNull(first + k, k >= 3 && k <= 5 ? Types.INTEGER : Types.VARCHAR);
            } else {
                ps.setObject(first + k, v[k]);
            }
        }
    }
}
