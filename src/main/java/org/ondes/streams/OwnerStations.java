package org.ondes.streams;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Read SQL of the owner's view ({@code GET /api/v1/me/stations}): stations with profile, visibility and sessions. */
@Singleton
class OwnerStations {
    static final String HIDDEN_BY_OWNER_NOTE = "unlisted by you: in no list, reachable by its direct link";
    static final String HIDDEN_BY_MODERATOR_NOTE = "hidden by a moderator: ";

    private record Row(UUID id, String name, String description, String homepage, List<String> genres,
                       String profileName, String profileDescription, String profileHomepage, List<String> profileGenres,
                       String profileLanguage, String country, String logoUrl, boolean hiddenByOwner,
                       Instant moderatedAt, String moderatedReason, Instant createdAt, Instant updatedAt) {
    }

    private final JdbcOperations jdbc;

    OwnerStations(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The owner's stations (all of them, or only {@code stationId} when it is not null) with their live sessions and
     * the sessions that ended within {@code historySeconds}.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    List<StationView> of(long ownerId, UUID stationId, long historySeconds) {
        Map<UUID, Row> stations = new LinkedHashMap<>();
        Map<UUID, List<StationView.Session>> sessions = new LinkedHashMap<>();
        jdbc.prepareStatement("""
                SELECT id, name, description, homepage, genres, profile_name, profile_description, profile_homepage,
                       profile_genres, profile_language, profile_country, profile_logo_url, hidden_by_owner,
                       hidden_by_moderator_at, hidden_by_moderator_reason, created_at, updated_at
                FROM streams_stations WHERE owner_id = ? AND (?::uuid IS NULL OR id = ?::uuid)
                ORDER BY lower(coalesce(profile_name, name)), id
                """, ps -> {
            ps.setLong(1, ownerId);
            ps.setObject(2, stationId);
            ps.setObject(3, stationId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    stations.put(id, new Row(id, rs.getString(2), rs.getString(3), rs.getString(4), strings(rs.getArray(5)),
                            rs.getString(6), rs.getString(7), rs.getString(8), nullableStrings(rs.getArray(9)),
                            rs.getString(10), rs.getString(11), rs.getString(12), rs.getBoolean(13), instant(rs, 14),
                            rs.getString(15), instant(rs, 16), instant(rs, 17)));
                    sessions.put(id, new ArrayList<>());
                }
            }
            return null;
        });
        if (stations.isEmpty()) {
            return List.of();
        }
        jdbc.prepareStatement("""
                SELECT s.station_id, s.id, CASE WHEN s.ended_at IS NULL THEN s.state ELSE 'ended' END, s.state_reason,
                       s.end_reason, s.listen_url, s.token_id, s.content_type, s.codec, s.bitrate, s.samplerate, s.channels,
                       s.current_song, s.listeners, s.max_listeners, s.started_at, s.verified_at, s.last_touch_at,
                       s.last_request_at, s.last_message, s.ended_at, s.language
                FROM streams_sessions s
                WHERE s.station_id = ANY (?) AND (s.ended_at IS NULL OR s.ended_at > now() - make_interval(secs => ?))
                ORDER BY s.ended_at IS NOT NULL, s.started_at DESC
                """, ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("uuid", stations.keySet().toArray()));
            ps.setLong(2, historySeconds);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sessions.get(rs.getObject(1, UUID.class)).add(new StationView.Session(rs.getObject(2, UUID.class),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7),
                            rs.getString(8), rs.getString(9), integer(rs, 10), integer(rs, 11), integer(rs, 12),
                            rs.getString(13), rs.getInt(14), integer(rs, 15), instant(rs, 16), instant(rs, 17),
                            instant(rs, 18), instant(rs, 19), rs.getString(20), instant(rs, 21), rs.getString(22)));
                }
            }
            return null;
        });
        List<StationView> result = new ArrayList<>(stations.size());
        stations.values().forEach(r -> result.add(view(r, sessions.get(r.id()))));
        return result;
    }

    private static StationView view(Row r, List<StationView.Session> list) {
        StationView.Session latest = list.stream().max(Comparator.comparing(StationView.Session::lastYpRequestAt)).orElse(null);
        String announcedLanguage = list.stream().map(StationView.Session::language).filter(l -> l != null)
                .findFirst().orElse(null);
        StationView.Announced announced = new StationView.Announced(r.name(), r.description(), r.homepage(), r.genres(),
                announcedLanguage);
        StationView.Overrides overrides = new StationView.Overrides(r.profileName(), r.profileDescription(),
                r.profileHomepage(), r.profileGenres(), r.profileLanguage(), r.country(), r.logoUrl());
        StationView.ModeratorHide moderated = r.moderatedAt() == null ? null
                : new StationView.ModeratorHide(r.moderatedReason(), r.moderatedAt());
        String note = moderated != null ? HIDDEN_BY_MODERATOR_NOTE + moderated.reason()
                : r.hiddenByOwner() ? HIDDEN_BY_OWNER_NOTE : null;
        return new StationView(r.id(), or(r.profileName(), r.name()), or(r.profileDescription(), r.description()),
                or(r.profileHomepage(), r.homepage()), r.profileGenres() != null ? r.profileGenres() : r.genres(),
                or(r.profileLanguage(), announcedLanguage), r.country(), r.logoUrl(), announced, overrides,
                r.hiddenByOwner(), moderated, note, r.createdAt(), r.updatedAt(),
                latest == null ? null : latest.lastYpRequestAt(), latest == null ? null : latest.lastYpMessage(),
                List.copyOf(list));
    }

    private static String or(String override, String announced) {
        return override != null ? override : announced;
    }

    static List<String> strings(Array array) throws SQLException {
        List<String> list = nullableStrings(array);
        return list == null ? List.of() : list;
    }

    static List<String> nullableStrings(Array array) throws SQLException {
        return array == null ? null : List.copyOf(Arrays.asList((String[]) array.getArray()));
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
