package org.ondes.catalog.radiobrowser;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** SQL for rb_clicks and rb_click_salts (V5). Callers provide the transaction. */
@Singleton
class RbClickStore {
    private final JdbcOperations jdbc;

    RbClickStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The salt of {@code day}: {@code candidate} if this call stored it first, else the one stored before. */
    byte[] salt(LocalDate day, byte[] candidate) {
        jdbc.prepareStatement("INSERT INTO rb_click_salts (day, salt) VALUES (?, ?) ON CONFLICT (day) DO NOTHING", ps -> {
            ps.setDate(1, Date.valueOf(day));
            ps.setBytes(2, candidate);
            return ps.executeUpdate();
        });
        return jdbc.prepareStatement("SELECT salt FROM rb_click_salts WHERE day = ?", ps -> {
            ps.setDate(1, Date.valueOf(day));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        });
    }

    /** Records a click unless this client already clicked this station on {@code day}; true when it counted. */
    boolean insert(UUID stationId, LocalDate day, byte[] client) {
        return jdbc.prepareStatement("""
                INSERT INTO rb_clicks (station_id, day, client) VALUES (?, ?, ?) ON CONFLICT DO NOTHING
                """, ps -> {
            ps.setObject(1, stationId);
            ps.setDate(2, Date.valueOf(day));
            ps.setBytes(3, client);
            return ps.executeUpdate() == 1;
        });
    }

    /** Per station: clicks within {@code window} and the latest kept click; stations without clicks are absent. */
    Map<UUID, RbStations.Clicks> clicks(List<UUID> stationIds, Duration window) {
        Map<UUID, RbStations.Clicks> out = new HashMap<>();
        if (stationIds.isEmpty()) {
            return out;
        }
        jdbc.prepareStatement("""
                SELECT station_id, count(*) FILTER (WHERE clicked_at > now() - make_interval(secs => ?)), max(clicked_at)
                FROM rb_clicks WHERE station_id = ANY(?) GROUP BY station_id
                """, ps -> {
            ps.setLong(1, window.toSeconds());
            ps.setArray(2, ps.getConnection().createArrayOf("uuid", stationIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp latest = rs.getTimestamp(3);
                    out.put(rs.getObject(1, UUID.class), new RbStations.Clicks(rs.getInt(2), latest.toInstant()));
                }
            }
            return null;
        });
        return out;
    }

    /** Clicks counted within {@code window}, all stations. */
    long count(Duration window) {
        return jdbc.prepareStatement("SELECT count(*) FROM rb_clicks WHERE clicked_at > now() - make_interval(secs => ?)", ps -> {
            ps.setLong(1, window.toSeconds());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Deletes clicks older than {@code keep} and every salt before {@code today}; returns the clicks deleted. */
    int purge(Duration keep, LocalDate today) {
        jdbc.prepareStatement("DELETE FROM rb_click_salts WHERE day < ?", ps -> {
            ps.setDate(1, Date.valueOf(today));
            return ps.executeUpdate();
        });
        return jdbc.prepareStatement("DELETE FROM rb_clicks WHERE clicked_at < now() - make_interval(secs => ?)", ps -> {
            ps.setLong(1, keep.toSeconds());
            return ps.executeUpdate();
        });
    }
}
