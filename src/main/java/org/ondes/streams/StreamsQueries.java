package org.ondes.streams;

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
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** Read-side SQL of the streams capability (the full catalog search comes with the catalog capability). */
@Singleton
class StreamsQueries {
    /** Rows per round trip of {@link #forEachListed}: big enough to amortise round trips, small enough to stay flat. */
    static final int CURSOR_FETCH_SIZE = 1000;
    private static final String SELECT_LISTED = """
            SELECT s.id, s.station_id, st.name, st.genres, st.description, st.homepage, s.listen_url, s.content_type,
                   s.codec, s.bitrate, s.samplerate, s.channels, s.current_song, s.listeners, s.max_listeners,
                   s.started_at, s.last_touch_at
            FROM streams_sessions s JOIN streams_stations st ON st.id = s.station_id
            WHERE s.ended_at IS NULL AND s.state = 'listed'
            """;

    private final JdbcOperations jdbc;

    StreamsQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    List<StreamView> listed(int limit, int offset) {
        return jdbc.prepareStatement(SELECT_LISTED + """
                ORDER BY s.listeners DESC, s.started_at, s.id
                LIMIT ? OFFSET ?
                """, ps -> {
            ps.setInt(1, limit);
            ps.setInt(2, offset);
            return views(ps);
        });
    }

    /** The station's listed sessions, most listeners first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    List<StreamView> listedOfStation(UUID stationId) {
        return jdbc.prepareStatement(SELECT_LISTED + """
                AND s.station_id = ?
                ORDER BY s.listeners DESC, s.started_at, s.id
                """, ps -> {
            ps.setObject(1, stationId);
            return views(ps);
        });
    }

    /**
     * Every listed session, in no particular order, read through a server-side cursor: PostgreSQL's JDBC driver
     * fetches {@value #CURSOR_FETCH_SIZE} rows at a time only inside a transaction (autocommit off), so this method
     * always runs in a read-only one. The consumer runs while the transaction is open.
     */
    @io.micronaut.transaction.annotation.Transactional(readOnly = true)
    void forEachListed(Consumer<StreamView> consumer) {
        jdbc.prepareStatement(SELECT_LISTED, ps -> {
            ps.setFetchSize(CURSOR_FETCH_SIZE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(view(rs));
                }
            }
            return null;
        });
    }

    /** The given stations that have listed live sessions, with those sessions (absent stations are not live). */
    @Transactional(Transactional.TxType.SUPPORTS)
    List<LiveStation> liveStations(Collection<UUID> stationIds) {
        Map<UUID, List<StreamView>> sessions = new LinkedHashMap<>();
        Map<UUID, String> languages = new LinkedHashMap<>();
        jdbc.prepareStatement("""
                SELECT s.id, s.station_id, st.name, st.genres, st.description, st.homepage, s.listen_url, s.content_type,
                       s.codec, s.bitrate, s.samplerate, s.channels, s.current_song, s.listeners, s.max_listeners,
                       s.started_at, s.last_touch_at, s.language
                FROM streams_sessions s JOIN streams_stations st ON st.id = s.station_id
                WHERE s.station_id = ANY (?) AND s.ended_at IS NULL AND s.state = 'listed'
                ORDER BY s.station_id, s.listeners DESC, s.started_at, s.id
                """, ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("uuid", stationIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StreamView v = new StreamView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                            strings(rs.getArray(4)), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getString(9), integer(rs, 10), integer(rs, 11), integer(rs, 12), rs.getString(13),
                            rs.getInt(14), integer(rs, 15), instant(rs, 16), instant(rs, 17));
                    sessions.computeIfAbsent(v.stationId(), k -> new ArrayList<>()).add(v);
                    String language = rs.getString(18);
                    if (language != null) {
                        languages.putIfAbsent(v.stationId(), language);
                    }
                }
            }
            return null;
        });
        List<LiveStation> live = new ArrayList<>(sessions.size());
        sessions.forEach((id, list) -> {
            StreamView first = list.get(0);
            live.add(new LiveStation(id, first.name(), first.description(), first.homepage(), first.genres(),
                    languages.get(id), List.copyOf(list)));
        });
        return live;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Optional<StationProfile> profile(UUID stationId) {
        return jdbc.prepareStatement("""
                SELECT id, name, description, homepage, genres, created_at, updated_at FROM streams_stations WHERE id = ?
                """, ps -> {
            ps.setObject(1, stationId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StationProfile(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), strings(rs.getArray(5)), instant(rs, 6), instant(rs, 7)));
            }
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Set<UUID> listedStationIds() {
        return jdbc.prepareStatement("""
                SELECT DISTINCT station_id FROM streams_sessions WHERE ended_at IS NULL AND state = 'listed'
                """, ps -> {
            Set<UUID> ids = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    long countListed() {
        return jdbc.prepareStatement("SELECT count(*) FROM streams_sessions WHERE ended_at IS NULL AND state = 'listed'", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The owner's stations with live sessions and sessions that ended within {@code historySeconds}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    List<StationView> stationsOf(long ownerId, long historySeconds) {
        Map<UUID, StationView> stations = new LinkedHashMap<>();
        Map<UUID, List<StationView.Session>> sessions = new LinkedHashMap<>();
        jdbc.prepareStatement("""
                SELECT id, name, description, homepage, genres, created_at, updated_at
                FROM streams_stations WHERE owner_id = ? ORDER BY lower(name), id
                """, ps -> {
            ps.setLong(1, ownerId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    stations.put(id, new StationView(id, rs.getString(2), rs.getString(3), rs.getString(4),
                            strings(rs.getArray(5)), instant(rs, 6), instant(rs, 7), null, null, List.of()));
                    sessions.put(id, new ArrayList<>());
                }
            }
            return null;
        });
        jdbc.prepareStatement("""
                SELECT s.station_id, s.id, CASE WHEN s.ended_at IS NULL THEN s.state ELSE 'ended' END, s.state_reason,
                       s.end_reason, s.listen_url, s.token_id, s.content_type, s.codec, s.bitrate, s.samplerate, s.channels,
                       s.current_song, s.listeners, s.max_listeners, s.started_at, s.verified_at, s.last_touch_at,
                       s.last_request_at, s.last_message, s.ended_at
                FROM streams_sessions s JOIN streams_stations st ON st.id = s.station_id
                WHERE st.owner_id = ? AND (s.ended_at IS NULL OR s.ended_at > now() - make_interval(secs => ?))
                ORDER BY s.ended_at IS NOT NULL, s.started_at DESC
                """, ps -> {
            ps.setLong(1, ownerId);
            ps.setLong(2, historySeconds);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<StationView.Session> list = sessions.get(rs.getObject(1, UUID.class));
                    if (list != null) {
                        list.add(new StationView.Session(rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8), rs.getString(9),
                                integer(rs, 10), integer(rs, 11), integer(rs, 12), rs.getString(13), rs.getInt(14),
                                integer(rs, 15), instant(rs, 16), instant(rs, 17), instant(rs, 18), instant(rs, 19),
                                rs.getString(20), instant(rs, 21)));
                    }
                }
            }
            return null;
        });
        List<StationView> result = new ArrayList<>(stations.size());
        for (StationView st : stations.values()) {
            List<StationView.Session> list = sessions.get(st.id());
            StationView.Session latest = list.stream()
                    .max((a, b) -> a.lastYpRequestAt().compareTo(b.lastYpRequestAt())).orElse(null);
            result.add(new StationView(st.id(), st.name(), st.description(), st.homepage(), st.genres(), st.createdAt(),
                    st.updatedAt(), latest == null ? null : latest.lastYpRequestAt(),
                    latest == null ? null : latest.lastYpMessage(), List.copyOf(list)));
        }
        return result;
    }

    private static List<StreamView> views(PreparedStatement ps) throws SQLException {
        List<StreamView> items = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                items.add(view(rs));
            }
        }
        return items;
    }

    private static StreamView view(ResultSet rs) throws SQLException {
        return new StreamView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                strings(rs.getArray(4)), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getString(9), integer(rs, 10), integer(rs, 11), integer(rs, 12), rs.getString(13),
                rs.getInt(14), integer(rs, 15), instant(rs, 16), instant(rs, 17));
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return List.copyOf(Arrays.asList((String[]) array.getArray()));
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
