package org.ondes.federation.outbox;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The stations' go-live Notes ({@code fed_notes}). */
@Singleton
class NoteStore {
    private static final String COLUMNS = "id, station_id, create_id, station_name, description, genres, logo_url, "
            + "listen_url, now_playing, published_at, ended_at";
    private final JdbcOperations jdbc;

    NoteStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises go-live and go-offline decisions for one station across instances, until the transaction ends. */
    @Transactional
    void lock(UUID stationId) {
        jdbc.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", ps -> {
            ps.setString(1, "fed_notes:" + stationId);
            ps.executeQuery().close();
            return null;
        });
    }

    /** The station's newest Note. */
    @Transactional
    Optional<NoteFacts> last(UUID stationId) {
        return one("SELECT " + COLUMNS + " FROM fed_notes WHERE station_id = ? ORDER BY published_at DESC LIMIT 1",
                ps -> ps.setObject(1, stationId));
    }

    @Transactional
    Optional<NoteFacts> byId(UUID id) {
        return one("SELECT " + COLUMNS + " FROM fed_notes WHERE id = ?", ps -> ps.setObject(1, id));
    }

    @Transactional
    void insert(NoteFacts n) {
        jdbc.prepareStatement("INSERT INTO fed_notes (" + COLUMNS + ", opened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ps -> {
                    ps.setObject(1, n.id());
                    ps.setObject(2, n.stationId());
                    ps.setString(3, n.createId());
                    ps.setString(4, n.stationName());
                    ps.setString(5, n.description());
                    ps.setArray(6, ps.getConnection().createArrayOf("text", n.genres().toArray()));
                    ps.setString(7, n.logoUrl());
                    ps.setString(8, n.listenUrl());
                    ps.setString(9, n.nowPlaying());
                    ps.setTimestamp(10, Timestamp.from(n.publishedAt()));
                    ps.setTimestamp(11, n.endedAt() == null ? null : Timestamp.from(n.endedAt()));
                    ps.setTimestamp(12, Timestamp.from(n.publishedAt()));
                    return ps.executeUpdate();
                });
    }

    /** Puts an ended Note back on air (the station flapped); true when it was ended. */
    @Transactional
    boolean reopen(UUID id, Instant now) {
        return jdbc.prepareStatement("UPDATE fed_notes SET ended_at = NULL, opened_at = ? WHERE id = ? AND ended_at IS NOT NULL",
                ps -> {
                    ps.setTimestamp(1, Timestamp.from(now));
                    ps.setObject(2, id);
                    return ps.executeUpdate();
                }) > 0;
    }

    /** Ends the station's open Note, if it has one, and returns it as ended. */
    @Transactional
    Optional<NoteFacts> end(UUID stationId, Instant now) {
        return one("UPDATE fed_notes SET ended_at = ? WHERE station_id = ? AND ended_at IS NULL RETURNING " + COLUMNS,
                ps -> {
                    ps.setTimestamp(1, Timestamp.from(now));
                    ps.setObject(2, stationId);
                });
    }

    /** Stations with an open Note that was (re)opened before {@code before}. */
    @Transactional
    List<UUID> openStations(Instant before) {
        return jdbc.prepareStatement("SELECT station_id FROM fed_notes WHERE ended_at IS NULL AND opened_at < ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(before));
            List<UUID> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getObject(1, UUID.class));
                }
            }
            return out;
        });
    }

    @Transactional
    long count(UUID stationId) {
        return jdbc.prepareStatement("SELECT count(*) FROM fed_notes WHERE station_id = ?", ps -> {
            ps.setObject(1, stationId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The station's Notes, newest first. */
    @Transactional
    List<NoteFacts> page(UUID stationId, int limit, long offset) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM fed_notes WHERE station_id = ? "
                + "ORDER BY published_at DESC, id LIMIT ? OFFSET ?", ps -> {
            ps.setObject(1, stationId);
            ps.setInt(2, limit);
            ps.setLong(3, offset);
            return list(ps);
        });
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private Optional<NoteFacts> one(String sql, Binder binder) {
        return jdbc.prepareStatement(sql, ps -> {
            binder.bind(ps);
            return list(ps).stream().findFirst();
        });
    }

    private static List<NoteFacts> list(PreparedStatement ps) throws SQLException {
        List<NoteFacts> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Array genres = rs.getArray(6);
                Timestamp ended = rs.getTimestamp(11);
                out.add(new NoteFacts(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), Arrays.asList((String[]) genres.getArray()), rs.getString(7),
                        rs.getString(8), rs.getString(9), rs.getTimestamp(10).toInstant(),
                        ended == null ? null : ended.toInstant()));
            }
        }
        return out;
    }
}
