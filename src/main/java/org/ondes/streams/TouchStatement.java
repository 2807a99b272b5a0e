package org.ondes.streams;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The touch hot path in SQL: many touches in one autocommit statement. The SID must be live and belong to the
 * presenting token. Rows are locked in id order, so concurrent batches cannot deadlock; the reply message is chosen
 * from the session's state and its station's visibility, so what Icecast is told is what the owner sees. No index
 * covers a column this statement changes, so PostgreSQL can apply it as a HOT update. The touches' values travel
 * with the locked rows, so the update joins each row to its touch by primary key: one plan serves every batch size
 * (an earlier form joined the input array again by SID, which the cached plan did as a loop over the array for each
 * row, 100–150 ms for a batch of 512).
 */
final class TouchStatement {
    /** {@code hidden}: the station is hidden (by its owner or a moderator), so the change is not public. */
    record Row(int ord, UUID sessionId, UUID stationId, String state, String message, boolean songChanged,
               boolean listenersChanged, String currentSong, int listeners, boolean hidden) {
    }

    private static final String SQL = """
            WITH prev AS (
                SELECT s.id, i.ord, i.song, i.listeners AS new_listeners, i.max_listeners, i.subtype, i.samplerate,
                       i.channels, s.current_song, s.listeners, st.hidden, st.hidden_by_moderator_reason
                FROM unnest(?::int[], ?::text[], ?::bigint[], ?::text[], ?::int[], ?::int[], ?::text[], ?::int[], ?::int[])
                         AS i(ord, sid, token_id, song, listeners, max_listeners, subtype, samplerate, channels)
                     JOIN streams_sessions s ON s.sid = i.sid AND s.token_id = i.token_id
                     JOIN streams_stations st ON st.id = s.station_id
                WHERE s.ended_at IS NULL
                ORDER BY s.id
                FOR UPDATE OF s
            )
            UPDATE streams_sessions s SET
                current_song = coalesce(p.song, s.current_song),
                song_changed_at = CASE WHEN p.song IS NOT NULL AND p.song IS DISTINCT FROM s.current_song
                                       THEN now() ELSE s.song_changed_at END,
                listeners = coalesce(p.new_listeners, s.listeners),
                max_listeners = coalesce(p.max_listeners, s.max_listeners),
                subtype = coalesce(p.subtype, s.subtype),
                samplerate = coalesce(p.samplerate, s.samplerate),
                channels = coalesce(p.channels, s.channels),
                last_touch_at = now(), last_request_at = now(), touch_count = s.touch_count + 1,
                last_message = CASE WHEN p.hidden_by_moderator_reason IS NOT NULL THEN ? || p.hidden_by_moderator_reason
                               WHEN p.hidden THEN ?
                               WHEN s.state = 'listed' THEN ? WHEN s.state = 'pending' THEN ?
                               ELSE ? || coalesce(s.state_reason, 'the listen URL did not answer') END
            FROM prev p
            WHERE s.id = p.id
            RETURNING p.ord, s.id, s.station_id, s.state, s.last_message,
                      p.current_song IS DISTINCT FROM s.current_song, p.listeners IS DISTINCT FROM s.listeners,
                      s.current_song, s.listeners, p.hidden
            """;

    private TouchStatement() {
    }

    /** Session settings for a connection dedicated to touches (see {@link TouchBatcher}). */
    static void prepare(Connection c) throws SQLException {
        c.setAutoCommit(true);
        try (var st = c.createStatement()) {
            // Bounded, so a stuck database turns into a quick "busy" reply instead of an Icecast timeout.
            st.execute("SET statement_timeout = 2500");
            st.execute("SET lock_timeout = 2000");
            // A touch lost in a crash is harmless (Icecast touches again); not waiting for the WAL flush is the
            // difference between a few hundred and several thousand touches per second.
            st.execute("SET synchronous_commit = off");
            // One cached plan for every batch size (index lookups by SID, then by id). Left to choose, PostgreSQL
            // plans a batch of one anew each time (its own plan looks cheaper than one costed for an array of unknown
            // length): 0.7 ms of database CPU instead of 0.25 ms, and under light load every batch is a batch of one.
            st.execute("SET plan_cache_mode = force_generic_plan");
        }
    }

    static List<Row> run(Connection c, List<TouchUpdate> updates) throws SQLException {
        int n = updates.size();
        Integer[] ord = new Integer[n];
        String[] sid = new String[n];
        Long[] token = new Long[n];
        String[] song = new String[n];
        Integer[] listeners = new Integer[n];
        Integer[] max = new Integer[n];
        String[] subtype = new String[n];
        Integer[] samplerate = new Integer[n];
        Integer[] channels = new Integer[n];
        for (int k = 0; k < n; k++) {
            TouchUpdate u = updates.get(k);
            ord[k] = k;
            sid[k] = u.sid();
            token[k] = u.tokenId();
            song[k] = u.currentSong();
            listeners[k] = u.listeners();
            max[k] = u.maxListeners();
            subtype[k] = u.subtype();
            samplerate[k] = u.samplerate();
            channels[k] = u.channels();
        }
        try (PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setArray(1, c.createArrayOf("int4", ord));
            ps.setArray(2, c.createArrayOf("text", sid));
            ps.setArray(3, c.createArrayOf("int8", token));
            ps.setArray(4, c.createArrayOf("text", song));
            ps.setArray(5, c.createArrayOf("int4", listeners));
            ps.setArray(6, c.createArrayOf("int4", max));
            ps.setArray(7, c.createArrayOf("text", subtype));
            ps.setArray(8, c.createArrayOf("int4", samplerate));
            ps.setArray(9, c.createArrayOf("int4", channels));
            ps.setString(10, StateMessages.HIDDEN_BY_MODERATOR_PREFIX);
            ps.setString(11, StateMessages.HIDDEN_BY_OWNER);
            ps.setString(12, StateMessages.LISTED);
            ps.setString(13, StateMessages.PENDING);
            ps.setString(14, StateMessages.UNREACHABLE_PREFIX);
            List<Row> rows = new ArrayList<>(n);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getInt(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                            rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getBoolean(7), rs.getString(8), rs.getInt(9),
                            rs.getBoolean(10)));
                }
            }
            return rows;
        }
    }
}
