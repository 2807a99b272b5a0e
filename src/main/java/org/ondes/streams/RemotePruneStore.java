package org.ondes.streams;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * SQL that forgets what other instances' streams leave behind: remote stations without a live session for the
 * retention period, and ended remote sessions older than a week but the latest of each station (it says when the
 * station was last live). Each call is one bounded transaction; rows are claimed with SKIP LOCKED, so instances
 * sharing the database take different rows.
 */
@Singleton
class RemotePruneStore {
    /**
     * A remote station not live and not live within the retention (both parameters: its length in seconds), and not
     * hidden by a moderator: the hide must still hold if the station comes back. {@code updated_at} only moves on
     * profile changes its origin sent while live, so it never keeps a station that is really stale; it keeps one
     * whose sessions were all forgotten before this rule existed until a full retention has passed.
     */
    private static final String STALE = """
            st.origin IS NOT NULL AND st.hidden_by_moderator_at IS NULL
              AND st.updated_at < now() - make_interval(secs => ?)
              AND NOT EXISTS (SELECT 1 FROM streams_sessions s WHERE s.station_id = st.id
                              AND (s.ended_at IS NULL OR s.ended_at >= now() - make_interval(secs => ?)))""";

    private final JdbcOperations jdbc;

    RemotePruneStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Deletes up to {@code limit} stale remote stations with their sessions and profile history (foreign keys with
     * ON DELETE CASCADE); returns how many. The claimed rows are checked again by the DELETE, a statement with a
     * newer snapshot: a remote session is only ever added by a transaction that first locks its station (the upsert's
     * ON CONFLICT DO UPDATE locks the row even when it changes nothing), so one that committed after the claim's
     * snapshot is seen there, and one that comes later waits and then creates the station anew.
     */
    @Transactional
    int deleteStale(Duration retention, int limit) {
        long secs = retention.toSeconds();
        List<UUID> claimed = jdbc.prepareStatement(
                "SELECT st.id FROM streams_stations st WHERE " + STALE + " LIMIT ? FOR UPDATE OF st SKIP LOCKED", ps -> {
                    ps.setLong(1, secs);
                    ps.setLong(2, secs);
                    ps.setInt(3, limit);
                    List<UUID> ids = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getObject(1, UUID.class));
                        }
                    }
                    return ids;
                });
        if (claimed.isEmpty()) {
            return 0;
        }
        return jdbc.prepareStatement("DELETE FROM streams_stations st WHERE st.id = ANY (?) AND " + STALE, ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("uuid", claimed.toArray()));
            ps.setLong(2, secs);
            ps.setLong(3, secs);
            return ps.executeUpdate();
        });
    }

    /**
     * Deletes up to {@code limit} remote sessions that ended more than {@code kept} ago, except each station's latest
     * one; returns how many. The ended-at condition is repeated outside the claim so that a session its origin
     * brought back meanwhile is not deleted.
     */
    @Transactional
    int trimEnded(Duration kept, int limit) {
        return jdbc.prepareStatement("""
                DELETE FROM streams_sessions d
                WHERE d.ended_at < now() - make_interval(secs => ?)
                  AND d.id IN (SELECT o.id FROM streams_sessions o
                               WHERE o.ended_at < now() - make_interval(secs => ?) AND o.remote_object IS NOT NULL
                                 AND EXISTS (SELECT 1 FROM streams_sessions n
                                             WHERE n.station_id = o.station_id AND n.id <> o.id
                                               AND (n.ended_at IS NULL OR n.ended_at > o.ended_at
                                                    OR (n.ended_at = o.ended_at AND n.id > o.id)))
                               LIMIT ? FOR UPDATE SKIP LOCKED)
                """, ps -> {
            ps.setLong(1, kept.toSeconds());
            ps.setLong(2, kept.toSeconds());
            ps.setInt(3, limit);
            return ps.executeUpdate();
        });
    }
}
