package org.ondes.streams;

import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL for streams_profile_changes, a station's profile history. Callers provide the transaction. */
@Singleton
class ProfileHistoryStore {
    private static final Argument<List<Map<String, Object>>> FIELDS =
            Argument.listOf(Argument.mapOf(String.class, Object.class));
    private static final String COLUMNS = "id, station_id, kind, actor_name, actor_role, created_at, fields::text, rolls_back";

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    ProfileHistoryStore(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    ProfileChange insert(UUID stationId, String kind, ProfileEditor actor, List<ProfileChange.FieldChange> fields,
                         Long rollsBack) {
        return jdbc.prepareStatement("""
                INSERT INTO streams_profile_changes (station_id, kind, actor_id, actor_name, actor_role, fields, rolls_back)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?) RETURNING\s""" + COLUMNS, ps -> {
            ps.setObject(1, stationId);
            ps.setString(2, kind);
            ps.setLong(3, actor.accountId());
            ps.setString(4, actor.username());
            ps.setString(5, actor.role());
            ps.setString(6, write(fields));
            ps.setObject(7, rollsBack, Types.BIGINT);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return change(rs);
            }
        });
    }

    /** The station exists (and belongs to {@code ownerId}, when given). */
    boolean stationExists(UUID stationId, Long ownerId) {
        return jdbc.prepareStatement("SELECT 1 FROM streams_stations WHERE id = ? AND (?::bigint IS NULL OR owner_id = ?)",
                ps -> {
                    ps.setObject(1, stationId);
                    ps.setObject(2, ownerId, Types.BIGINT);
                    ps.setObject(3, ownerId, Types.BIGINT);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next();
                    }
                });
    }

    /** The station's changes, newest first. */
    ProfileChange.Page page(UUID stationId, int limit, int offset) {
        List<ProfileChange> items = jdbc.prepareStatement("SELECT " + COLUMNS
                + " FROM streams_profile_changes WHERE station_id = ? ORDER BY id DESC LIMIT ? OFFSET ?", ps -> {
            ps.setObject(1, stationId);
            ps.setInt(2, limit);
            ps.setInt(3, offset);
            List<ProfileChange> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(change(rs));
                }
            }
            return out;
        });
        long total = jdbc.prepareStatement("SELECT count(*) FROM streams_profile_changes WHERE station_id = ?", ps -> {
            ps.setObject(1, stationId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        return new ProfileChange.Page(items, total);
    }

    /** One change of this station. */
    Optional<ProfileChange> find(UUID stationId, long changeId) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM streams_profile_changes WHERE id = ? AND station_id = ?",
                ps -> {
                    ps.setLong(1, changeId);
                    ps.setObject(2, stationId);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(change(rs)) : Optional.empty();
                    }
                });
    }

    private ProfileChange change(ResultSet rs) throws SQLException {
        return new ProfileChange(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getTimestamp(6).toInstant(), read(rs.getString(7)), (Long) rs.getObject(8));
    }

    private String write(List<ProfileChange.FieldChange> fields) {
        List<Map<String, Object>> rows = new ArrayList<>(fields.size());
        for (ProfileChange.FieldChange f : fields) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("field", f.field());
            row.put("before", f.before());
            row.put("after", f.after());
            rows.add(row);
        }
        try {
            return json.writeValueAsString(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<ProfileChange.FieldChange> read(String raw) {
        try {
            List<ProfileChange.FieldChange> fields = new ArrayList<>();
            for (Map<String, Object> row : json.readValue(raw, FIELDS)) {
                fields.add(new ProfileChange.FieldChange(String.valueOf(row.get("field")), row.get("before"),
                        row.get("after")));
            }
            return fields;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
