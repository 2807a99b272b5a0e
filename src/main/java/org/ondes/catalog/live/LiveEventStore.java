package org.ondes.catalog.live;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * SQL of the live feed ({@code catalog_events}). Writers append under a transaction-scoped advisory lock, so ids are
 * assigned and committed in the same order on every instance: a reader that has seen id N never later finds a
 * smaller id appearing, and can simply ask for {@code id > N}.
 */
@Singleton
class LiveEventStore {
    static final String CHANNEL = "ondes_events";
    /** Advisory lock key that serialises appends across instances ("ondes_ev" in ASCII). */
    private static final long APPEND_LOCK = 0x6f6e6465735f6576L;
    private static final String COLUMNS = "id, type, station_id, session_id, current_song, listeners, reason, occurred_at";

    private final JdbcOperations jdbc;

    LiveEventStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the events in list order in one statement, signals {@link #CHANNEL}; returns the highest new id. */
    @Transactional
    long append(List<LiveEvent> events) {
        jdbc.prepareStatement("""
                SELECT set_config('synchronous_commit', 'off', true), set_config('lock_timeout', '5s', true),
                       set_config('statement_timeout', '10s', true), pg_advisory_xact_lock(?)
                """, ps -> {
            ps.setLong(1, APPEND_LOCK);
            ps.execute();
            return null;
        });
        long max = jdbc.prepareStatement("""
                INSERT INTO catalog_events (type, station_id, session_id, current_song, listeners, reason, occurred_at)
                SELECT t, st, se, cs, l, r, o
                FROM unnest(?::text[], ?::uuid[], ?::uuid[], ?::text[], ?::int[], ?::text[], ?::timestamptz[])
                     WITH ORDINALITY AS u(t, st, se, cs, l, r, o, ord)
                ORDER BY ord
                RETURNING id
                """, ps -> {
            bind(ps, events);
            long highest = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    highest = Math.max(highest, rs.getLong(1));
                }
            }
            return highest;
        });
        jdbc.prepareStatement("SELECT pg_notify('" + CHANNEL + "', ?)", ps -> {
            ps.setString(1, Long.toString(max));
            ps.execute();
            return null;
        });
        return max;
    }

    private static void bind(PreparedStatement ps, List<LiveEvent> events) throws SQLException {
        int n = events.size();
        String[] type = new String[n];
        UUID[] station = new UUID[n];
        UUID[] session = new UUID[n];
        String[] song = new String[n];
        Integer[] listeners = new Integer[n];
        String[] reason = new String[n];
        String[] at = new String[n];
        for (int i = 0; i < n; i++) {
            LiveEvent e = events.get(i);
            type[i] = e.kind().wire;
            station[i] = e.stationId();
            session[i] = e.sessionId();
            song[i] = e.currentSong();
            listeners[i] = e.listeners();
            reason[i] = e.reason();
            at[i] = e.at().toString();
        }
        Connection c = ps.getConnection();
        ps.setArray(1, c.createArrayOf("text", type));
        ps.setArray(2, c.createArrayOf("uuid", station));
        ps.setArray(3, c.createArrayOf("uuid", session));
        ps.setArray(4, c.createArrayOf("text", song));
        ps.setArray(5, c.createArrayOf("int4", listeners));
        ps.setArray(6, c.createArrayOf("text", reason));
        ps.setArray(7, c.createArrayOf("text", at));
    }

    /** Events with {@code afterId < id <= upToId}, of the given stations (all when empty), oldest first. */
    @Transactional
    List<LiveEvent> after(long afterId, long upToId, Set<UUID> stations, int limit) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM catalog_events WHERE id > ? AND id <= ?"
                + " AND (cardinality(?::uuid[]) = 0 OR station_id = ANY (?::uuid[])) ORDER BY id LIMIT ?", ps -> {
            UUID[] filter = stations.toArray(new UUID[0]);
            ps.setLong(1, afterId);
            ps.setLong(2, upToId);
            ps.setArray(3, ps.getConnection().createArrayOf("uuid", filter));
            ps.setArray(4, ps.getConnection().createArrayOf("uuid", filter));
            ps.setInt(5, limit);
            List<LiveEvent> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        });
    }

    private static LiveEvent row(ResultSet rs) throws SQLException {
        int listeners = rs.getInt(6);
        Integer l = rs.wasNull() ? null : listeners;
        return new LiveEvent(rs.getLong(1), LiveEvent.Kind.ofWire(rs.getString(2)), rs.getObject(3, UUID.class),
                rs.getObject(4, UUID.class), rs.getString(5), l, rs.getString(7),
                rs.getObject(8, OffsetDateTime.class).toInstant());
    }

    /** The newest stored id, 0 when there is none. */
    @Transactional
    long maxId() {
        return jdbc.prepareStatement("SELECT coalesce(max(id), 0) FROM catalog_events", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** True when the event is stored and younger than the window (a client can resume after it). */
    @Transactional
    boolean isRecent(long id, Duration window) {
        return jdbc.prepareStatement("SELECT created_at > now() - make_interval(secs => ?) FROM catalog_events WHERE id = ?", ps -> {
            ps.setLong(1, window.toSeconds());
            ps.setLong(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        });
    }

    /** Deletes up to {@code batch} events older than the window; rows another instance is deleting are skipped. */
    @Transactional
    int prune(Duration window, int batch) {
        return jdbc.prepareStatement("""
                DELETE FROM catalog_events WHERE id IN (
                    SELECT id FROM catalog_events WHERE created_at < now() - make_interval(secs => ?)
                    ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED)
                """, ps -> {
            ps.setLong(1, window.toSeconds());
            ps.setInt(2, batch);
            return ps.executeUpdate();
        });
    }
}
