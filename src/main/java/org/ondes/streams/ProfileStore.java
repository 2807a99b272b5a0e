package org.ondes.streams;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL for what owners and moderators change on a station: profile overrides and visibility. Callers provide the
 * transaction. Announced columns are never touched here (YP adds own them), and overrides never by YP adds.
 */
@Singleton
class ProfileStore {
    /** A station's visibility before and after a change. */
    record Change(UUID stationId, boolean wasHidden, boolean hidden) {
        boolean becameHidden() {
            return !wasHidden && hidden;
        }

        boolean becameVisible() {
            return wasHidden && !hidden;
        }
    }

    record Page(List<ModeratedStation> items, long total) {
    }

    private static final String MODERATED_COLUMNS = """
            st.id, coalesce(st.profile_name, st.name), st.owner_id,
            EXISTS (SELECT 1 FROM streams_sessions s WHERE s.station_id = st.id AND s.ended_at IS NULL AND s.state = 'listed'),
            st.hidden_by_owner, st.hidden_by_moderator_at, st.hidden_by_moderator_reason, st.created_at, st.origin""";

    private final JdbcOperations jdbc;

    ProfileStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A station's profile overrides and the owner's unlisted choice ({@code values}, by field), read with its row
     * locked until the transaction ends, so concurrent edits and rollbacks of one station take turns.
     *
     * @param name   its effective name (for logs)
     * @param hidden hidden from the public lists (by its owner or a moderator)
     */
    record Snapshot(UUID stationId, long ownerId, String name, Map<ProfilePatch.Field, Object> values, boolean hidden) {
    }

    /** Locks the station's row and reads its profile; empty when there is no such station (of this owner, if given). */
    Optional<Snapshot> lock(UUID stationId, @Nullable Long ownerId) {
        StringBuilder columns = new StringBuilder();
        for (ProfilePatch.Field f : ProfilePatch.Field.values()) {
            columns.append(", ").append(f.column);
        }
        return jdbc.prepareStatement("SELECT owner_id, coalesce(profile_name, name), hidden" + columns
                + " FROM streams_stations WHERE id = ? AND (?::bigint IS NULL OR owner_id = ?) FOR UPDATE", ps -> {
            ps.setObject(1, stationId);
            ps.setObject(2, ownerId, Types.BIGINT);
            ps.setObject(3, ownerId, Types.BIGINT);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Map<ProfilePatch.Field, Object> values = new EnumMap<>(ProfilePatch.Field.class);
                int i = 4;
                for (ProfilePatch.Field f : ProfilePatch.Field.values()) {
                    values.put(f, read(rs, i++, f));
                }
                return Optional.of(new Snapshot(stationId, rs.getLong(1), rs.getString(2), values, rs.getBoolean(3)));
            }
        });
    }

    /** Writes these fields of a station locked by {@link #lock}; returns its visibility before and after. */
    Change write(Snapshot before, Map<ProfilePatch.Field, Object> values) {
        StringBuilder set = new StringBuilder("updated_at = now()");
        values.keySet().forEach(f -> set.append(", ").append(f.column)
                .append(f == ProfilePatch.Field.GENRES ? " = ?::text[]" : " = ?"));
        return jdbc.prepareStatement("UPDATE streams_stations SET " + set + " WHERE id = ? RETURNING hidden", ps -> {
            int i = 1;
            for (Object value : values.values()) {
                bind(ps, i++, value);
            }
            ps.setObject(i, before.stationId());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Change(before.stationId(), before.hidden(), rs.getBoolean(1));
            }
        });
    }

    private static Object read(ResultSet rs, int index, ProfilePatch.Field f) throws SQLException {
        if (f == ProfilePatch.Field.HIDDEN) {
            return rs.getBoolean(index);
        }
        if (f == ProfilePatch.Field.GENRES) {
            Array array = rs.getArray(index);
            return array == null ? null : List.of((String[]) array.getArray());
        }
        return rs.getString(index);
    }

    /** Hides the station for everybody but its owner; a station already hidden keeps its first time, gets the new reason. */
    Optional<Change> hideByModerator(UUID stationId, String reason) {
        return jdbc.prepareStatement("""
                UPDATE streams_stations st SET hidden_by_moderator_at = coalesce(st.hidden_by_moderator_at, now()),
                       hidden_by_moderator_reason = ?
                FROM (SELECT id, hidden FROM streams_stations WHERE id = ? FOR UPDATE) old
                WHERE st.id = old.id RETURNING old.hidden, st.hidden
                """, ps -> {
            ps.setString(1, reason);
            ps.setObject(2, stationId);
            return change(ps, stationId);
        });
    }

    Optional<Change> unhideByModerator(UUID stationId) {
        return jdbc.prepareStatement("""
                UPDATE streams_stations st SET hidden_by_moderator_at = NULL, hidden_by_moderator_reason = NULL
                FROM (SELECT id, hidden FROM streams_stations WHERE id = ? FOR UPDATE) old
                WHERE st.id = old.id RETURNING old.hidden, st.hidden
                """, ps -> {
            ps.setObject(1, stationId);
            return change(ps, stationId);
        });
    }

    /** The station's live, listed sessions (whose public state a visibility change flips). */
    List<UUID> listedSessions(UUID stationId) {
        return jdbc.prepareStatement("""
                SELECT id FROM streams_sessions WHERE station_id = ? AND ended_at IS NULL AND state = 'listed' ORDER BY id
                """, ps -> {
            ps.setObject(1, stationId);
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        });
    }

    Optional<ModeratedStation> moderated(UUID stationId) {
        return jdbc.prepareStatement("SELECT " + MODERATED_COLUMNS + " FROM streams_stations st WHERE st.id = ?", ps -> {
            ps.setObject(1, stationId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(moderated(rs)) : Optional.empty();
            }
        });
    }

    /** Stations for the moderation page: hidden by a moderator (latest first), or all (newest first). */
    Page moderationPage(boolean hiddenOnly, int limit, int offset) {
        String where = hiddenOnly ? " WHERE st.hidden_by_moderator_at IS NOT NULL" : "";
        String order = hiddenOnly ? " ORDER BY st.hidden_by_moderator_at DESC, st.id" : " ORDER BY st.created_at DESC, st.id";
        long total = jdbc.prepareStatement("SELECT count(*) FROM streams_stations st" + where, ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        List<ModeratedStation> items = jdbc.prepareStatement("SELECT " + MODERATED_COLUMNS
                + " FROM streams_stations st" + where + order + " LIMIT ? OFFSET ?", ps -> {
            ps.setInt(1, limit);
            ps.setInt(2, offset);
            List<ModeratedStation> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(moderated(rs));
                }
            }
            return list;
        });
        return new Page(items, total);
    }

    private static ModeratedStation moderated(ResultSet rs) throws SQLException {
        Timestamp at = rs.getTimestamp(6);
        return new ModeratedStation(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, Long.class),
                rs.getBoolean(4), rs.getBoolean(5), at == null ? null : at.toInstant(), rs.getString(7),
                rs.getTimestamp(8).toInstant(), rs.getString(9));
    }

    private static Optional<Change> change(PreparedStatement ps, UUID stationId) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(new Change(stationId, rs.getBoolean(1), rs.getBoolean(2))) : Optional.empty();
        }
    }

    private static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value instanceof List<?> list) {
            Connection c = ps.getConnection();
            ps.setArray(index, c.createArrayOf("text", list.toArray()));
        } else if (value instanceof Boolean b) {
            ps.setBoolean(index, b);
        } else {
            ps.setString(index, (String) value);
        }
    }
}
