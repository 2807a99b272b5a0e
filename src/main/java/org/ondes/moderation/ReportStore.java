package org.ondes.moderation;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for mod_reports. Callers provide the transaction. */
@Singleton
class ReportStore {
    private static final String COLUMNS = """
            r.id, r.station_id, r.station_name, r.reason, r.text, r.state, r.created_at,
            (SELECT count(*) FROM mod_reports o WHERE o.station_id = r.station_id AND o.state = 'open'),
            r.closed_at, r.closed_by_name, r.note""";
    private final JdbcOperations jdbc;

    ReportStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    Instant insert(UUID stationId, String stationName, ReportReason reason, String text, Long reporterId) {
        return jdbc.prepareStatement("""
                INSERT INTO mod_reports (station_id, station_name, reason, text, reporter_id) VALUES (?, ?, ?, ?, ?)
                RETURNING created_at
                """, ps -> {
            ps.setObject(1, stationId);
            ps.setString(2, stationName);
            ps.setString(3, reason.wire);
            ps.setString(4, text);
            if (reporterId == null) {
                ps.setNull(5, Types.BIGINT);
            } else {
                ps.setLong(5, reporterId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getTimestamp(1).toInstant();
            }
        });
    }

    /** Closes an open report; empty when there is no such report, the report when it was not open (unchanged). */
    Optional<Closing> close(long id, String state, String by, String note) {
        return jdbc.prepareStatement("""
                WITH old AS (SELECT id, state FROM mod_reports WHERE id = ? FOR UPDATE)
                UPDATE mod_reports r SET state = CASE WHEN old.state = 'open' THEN ? ELSE r.state END,
                       closed_at = CASE WHEN old.state = 'open' THEN now() ELSE r.closed_at END,
                       closed_by_name = CASE WHEN old.state = 'open' THEN ? ELSE r.closed_by_name END,
                       note = CASE WHEN old.state = 'open' THEN ? ELSE r.note END
                FROM old WHERE r.id = old.id RETURNING old.state, r.station_id, r.station_name
                """, ps -> {
            ps.setLong(1, id);
            ps.setString(2, state);
            ps.setString(3, by);
            ps.setString(4, note);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Closing("open".equals(rs.getString(1)), rs.getObject(2, UUID.class),
                        rs.getString(3))) : Optional.empty();
            }
        });
    }

    /** The outcome of {@link #close}: whether the report was open (and is now closed), and its station. */
    record Closing(boolean wasOpen, UUID stationId, String stationName) {
    }

    Optional<ReportView> find(long id) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM mod_reports r WHERE r.id = ?", ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(view(rs)) : Optional.empty();
            }
        });
    }

    /** Reports in one state (null: all), newest first, and how many there are. */
    ReportView.Page page(String state, int limit, int offset) {
        String where = state == null ? "" : " WHERE r.state = ?";
        long total = jdbc.prepareStatement("SELECT count(*) FROM mod_reports r" + where, ps -> {
            if (state != null) {
                ps.setString(1, state);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        List<ReportView> items = jdbc.prepareStatement("SELECT " + COLUMNS + " FROM mod_reports r" + where
                + " ORDER BY r.created_at DESC, r.id DESC LIMIT ? OFFSET ?", ps -> {
            int i = 1;
            if (state != null) {
                ps.setString(i++, state);
            }
            ps.setInt(i++, limit);
            ps.setInt(i, offset);
            List<ReportView> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(view(rs));
                }
            }
            return list;
        });
        return new ReportView.Page(items, total);
    }

    private static ReportView view(ResultSet rs) throws SQLException {
        Timestamp closed = rs.getTimestamp(9);
        return new ReportView(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getLong(8),
                closed == null ? null : closed.toInstant(), rs.getString(10), rs.getString(11));
    }
}
