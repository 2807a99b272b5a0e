package org.ondes.catalog;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** SQL for the per-station history: now-playing titles and listener samples (sampling, downsampling, pruning). */
@Singleton
class HistoryStore {
    static final int RECENT_SONGS = 50;
    private final JdbcOperations jdbc;

    HistoryStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    List<StationDetail.Song> recentSongs(UUID stationId) {
        return jdbc.prepareStatement("""
                SELECT song, started_at FROM catalog_song_history WHERE station_id = ? ORDER BY started_at DESC, id DESC LIMIT ?
                """, ps -> {
            ps.setObject(1, stationId);
            ps.setInt(2, RECENT_SONGS);
            List<StationDetail.Song> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StationDetail.Song(rs.getString(1), rs.getTimestamp(2).toInstant()));
                }
            }
            return out;
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    List<StationDetail.ListenerSample> listenerHistory(UUID stationId) {
        return jdbc.prepareStatement("""
                SELECT sampled_at, listeners FROM catalog_listener_samples
                WHERE station_id = ? AND sampled_at > now() - interval '7 days' ORDER BY sampled_at
                """, ps -> {
            ps.setObject(1, stationId);
            List<StationDetail.ListenerSample> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StationDetail.ListenerSample(rs.getTimestamp(1).toInstant(), rs.getInt(2)));
                }
            }
            return out;
        });
    }

    /** One sample per live station for the current minute; idempotent, so every instance may run it. */
    @Transactional
    int sample() {
        int inserted = jdbc.prepareStatement("""
                INSERT INTO catalog_listener_samples (station_id, sampled_at, listeners)
                SELECT station_id, date_trunc('minute', now()), listeners FROM catalog_entries
                ON CONFLICT (station_id, sampled_at) DO NOTHING
                """, ps -> ps.executeUpdate());
        if (inserted > 0) {
            // station pages show the history: their validators must change with it
            jdbc.prepareStatement("UPDATE catalog_meta SET version = version + 1, changed_at = now()", ps -> ps.executeUpdate());
        }
        return inserted;
    }

    /**
     * Keeps minute samples for 24 h and hourly averages for 30 days, and song titles for 30 days. Runs on one
     * instance at a time (transaction-scoped advisory lock; the others skip the pass).
     */
    @Transactional
    boolean compact() {
        boolean mine = jdbc.prepareStatement("SELECT pg_try_advisory_xact_lock(7031)", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
        if (!mine) {
            return false;
        }
        jdbc.prepareStatement("""
                WITH old AS (
                    DELETE FROM catalog_listener_samples
                    WHERE sampled_at < now() - interval '24 hours' AND sampled_at <> date_trunc('hour', sampled_at)
                    RETURNING station_id, date_trunc('hour', sampled_at) AS hour, listeners)
                INSERT INTO catalog_listener_samples (station_id, sampled_at, listeners)
                SELECT station_id, hour, round(avg(listeners))::int FROM old GROUP BY station_id, hour
                ON CONFLICT (station_id, sampled_at) DO UPDATE
                    SET listeners = round((catalog_listener_samples.listeners + excluded.listeners) / 2.0)::int
                """, ps -> ps.executeUpdate());
        jdbc.prepareStatement("DELETE FROM catalog_listener_samples WHERE sampled_at < now() - interval '30 days'",
                ps -> ps.executeUpdate());
        jdbc.prepareStatement("DELETE FROM catalog_song_history WHERE started_at < now() - interval '30 days'",
                ps -> ps.executeUpdate());
        return true;
    }
}
