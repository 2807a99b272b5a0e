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
    /**
     * The public profile: the owner's overrides where set, else what Icecast announced. Every public read goes through
     * these expressions and leaves hidden stations out, so an edit or a hide shows everywhere at once.
     */
    static final String EFFECTIVE = """
            coalesce(st.profile_name, st.name), coalesce(st.profile_genres, st.genres),
            coalesce(st.profile_description, st.description), coalesce(st.profile_homepage, st.homepage)""";
    /** Stations in the lists, search, yp.xml and the live feed: neither unlisted by the owner nor hidden by a moderator. */
    static final String PUBLIC = "NOT st.hidden";
    /** Stations only their direct link reaches: unlisted by the owner and not hidden by a moderator. */
    static final String UNLISTED = "st.hidden_by_owner AND st.hidden_by_moderator_at IS NULL";
    /** Stations whose page and playlists answer: public or unlisted (not hidden by a moderator). */
    static final String REACHABLE = "st.hidden_by_moderator_at IS NULL";
    /** This instance's own stations whose page answers: never another instance's (remote) station. */
    static final String LOCAL_REACHABLE = REACHABLE + " AND st.origin IS NULL";
    private static final String SELECT_LISTED_OF = "SELECT s.id, s.station_id, " + EFFECTIVE + """
            , s.listen_url, s.content_type,
                   s.codec, s.bitrate, s.samplerate, s.channels, s.current_song, s.listeners, s.max_listeners,
                   s.started_at, s.last_touch_at
            FROM streams_sessions s JOIN streams_stations st ON st.id = s.station_id
            WHERE s.ended_at IS NULL AND s.state = 'listed' AND\s""";
    private static final String SELECT_LISTED = SELECT_LISTED_OF + PUBLIC + "\n";

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

    /** The station's listed sessions, most listeners first, also when it is unlisted (its playlists are a direct link). */
    @Transactional(Transactional.TxType.SUPPORTS)
    List<StreamView> listedOfStation(UUID stationId) {
        return jdbc.prepareStatement(SELECT_LISTED_OF + REACHABLE + """

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

    /**
     * The given stations that have listed live sessions and are not hidden, with those sessions (absent stations are
     * not live, or hidden).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    List<LiveStation> liveStations(Collection<UUID> stationIds) {
        return liveStations(stationIds, PUBLIC);
    }

    /** As {@link #liveStations(Collection)} for the stations that {@code visible} (an SQL condition on st) admits. */
    @Transactional(Transactional.TxType.SUPPORTS)
    List<LiveStation> liveStations(Collection<UUID> stationIds, String visible) {
        Map<UUID, List<StreamView>> sessions = new LinkedHashMap<>();
        Map<UUID, String> languages = new LinkedHashMap<>();
        Map<UUID, String[]> extras = new LinkedHashMap<>();
        jdbc.prepareStatement("SELECT s.id, s.station_id, " + EFFECTIVE + """
                , s.listen_url, s.content_type,
                       s.codec, s.bitrate, s.samplerate, s.channels, s.current_song, s.listeners, s.max_listeners,
                       s.started_at, s.last_touch_at, coalesce(st.profile_language, s.language), st.profile_country,
                       st.profile_logo_url, st.origin, st.remote_url
                FROM streams_sessions s JOIN streams_stations st ON st.id = s.station_id
                WHERE s.station_id = ANY (?) AND s.ended_at IS NULL AND s.state = 'listed' AND\s""" + visible + """

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
                    extras.putIfAbsent(v.stationId(), new String[]{rs.getString(19), rs.getString(20),
                            rs.getString(21), rs.getString(22)});
                }
            }
            return null;
        });
        List<LiveStation> live = new ArrayList<>(sessions.size());
        sessions.forEach((id, list) -> {
            StreamView first = list.get(0);
            String[] extra = extras.get(id);
            live.add(new LiveStation(id, first.name(), first.description(), first.homepage(), first.genres(),
                    languages.get(id), extra[0], extra[1], List.copyOf(list), extra[2], extra[3]));
        });
        return live;
    }

    /** The station with this handle, if its page answers (public or unlisted). */
    @Transactional(Transactional.TxType.SUPPORTS)
    Optional<UUID> stationIdByHandle(String handle) {
        return jdbc.prepareStatement("SELECT st.id FROM streams_stations st WHERE st.handle = ? AND " + LOCAL_REACHABLE, ps -> {
            ps.setString(1, handle);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        });
    }

    /** Whether the station's owner made it unlisted (null: no reachable local station with this id). */
    @Transactional(Transactional.TxType.SUPPORTS)
    Boolean unlistedFlag(UUID stationId) {
        return jdbc.prepareStatement("SELECT st.hidden_by_owner FROM streams_stations st WHERE st.id = ? AND " + LOCAL_REACHABLE,
                ps -> {
                    ps.setObject(1, stationId);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getBoolean(1) : null;
                    }
                });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Optional<StationProfile> profile(UUID stationId) {
        return profile(stationId, PUBLIC);
    }

    /** The station's profile if {@code visible} (an SQL condition on st) admits it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    Optional<StationProfile> profile(UUID stationId, String visible) {
        return jdbc.prepareStatement("""
                SELECT st.id, coalesce(st.profile_name, st.name), coalesce(st.profile_description, st.description),
                       coalesce(st.profile_homepage, st.homepage), coalesce(st.profile_genres, st.genres),
                       coalesce(st.profile_language, (SELECT s.language FROM streams_sessions s
                                                      WHERE s.station_id = st.id AND s.language IS NOT NULL
                                                      ORDER BY s.ended_at IS NOT NULL, s.started_at DESC LIMIT 1)),
                       st.profile_country, st.profile_logo_url, st.created_at, st.updated_at, st.handle,
                       st.origin, st.remote_url
                FROM streams_stations st WHERE st.id = ? AND\s""" + visible, ps -> {
            ps.setObject(1, stationId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StationProfile(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), strings(rs.getArray(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                        instant(rs, 9), instant(rs, 10), rs.getString(11), rs.getString(12), rs.getString(13)));
            }
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Set<UUID> listedStationIds() {
        return jdbc.prepareStatement("""
                SELECT DISTINCT s.station_id FROM streams_sessions s JOIN streams_stations st ON st.id = s.station_id
                WHERE s.ended_at IS NULL AND s.state = 'listed' AND NOT st.hidden
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
        return jdbc.prepareStatement("""
                SELECT count(*) FROM streams_sessions s JOIN streams_stations st ON st.id = s.station_id
                WHERE s.ended_at IS NULL AND s.state = 'listed' AND NOT st.hidden
                """, ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * Every session that has not ended, with what ban rules look at, read through a server-side cursor; the caller
     * provides the transaction (the cursor needs one).
     */
    void forEachLive(Consumer<LiveSession> consumer) {
        jdbc.prepareStatement("""
                SELECT s.id, s.station_id, st.owner_id, s.listen_url, s.requester_ip, s.name, st.profile_name
                FROM streams_sessions s JOIN streams_stations st ON st.id = s.station_id
                WHERE s.ended_at IS NULL
                """, ps -> {
            ps.setFetchSize(CURSOR_FETCH_SIZE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(new LiveSession(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
            return null;
        });
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
