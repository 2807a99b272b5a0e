package org.ondes.streams;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.testkit.TestDb;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The touch statement against PostgreSQL, on a connection prepared as the touch flushers prepare theirs (one cached
 * plan for every batch size): batches of one and of the most a flusher sends apply each touch to its own session and
 * say what changed; touches for an ended session or under another token change nothing; hidden stations get their
 * message. Each batch size runs more than ten times, so PostgreSQL's cached plan is the one that answers.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TouchStatementIT implements TestPropertyProvider {
    private static final int SESSIONS = TouchBatcher.MAX_BATCH + 8;

    @Inject
    DataSource dataSource;
    private long token;
    private long otherToken;
    private final String prefix = "TS-" + UUID.randomUUID().toString().substring(0, 8) + "-";

    @Override
    public Map<String, String> getProperties() {
        return TestDb.properties();
    }

    @BeforeAll
    void seed() throws Exception {
        try (Connection c = connection()) {
            long account = id(c, "INSERT INTO accounts (username, password_hash) VALUES ('touch" + prefix.substring(3, 11)
                    + "', 'x') RETURNING id");
            token = id(c, "INSERT INTO yp_tokens (account_id, label, token_hash, token_hint) VALUES (" + account
                    + ", 'a', '\\x" + prefix.substring(3, 11) + "01', 'a') RETURNING id");
            otherToken = id(c, "INSERT INTO yp_tokens (account_id, label, token_hash, token_hint) VALUES (" + account
                    + ", 'b', '\\x" + prefix.substring(3, 11) + "02', 'b') RETURNING id");
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO streams_stations (owner_id, name_key, name, hidden_by_owner)
                    SELECT ?, ? || g, 'Touch ' || g, g = 1 FROM generate_series(0, ? - 1) g
                    """)) {
                ps.setLong(1, account);
                ps.setString(2, prefix);
                ps.setInt(3, SESSIONS);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO streams_sessions (sid, station_id, token_id, listen_url, content_type, codec, name, state,
                                                  current_song, listeners, ended_at)
                    SELECT ? || g, st.id, ?, 'http://touch.example:8000/' || g, 'audio/mpeg', 'MP3', st.name,
                           CASE WHEN g = 2 THEN 'pending' ELSE 'listed' END, 'Song 0', 1,
                           CASE WHEN g = 3 THEN now() END
                    FROM generate_series(0, ? - 1) g JOIN streams_stations st ON st.name_key = ? || g
                    """)) {
                ps.setString(1, prefix);
                ps.setLong(2, token);
                ps.setInt(3, SESSIONS);
                ps.setString(4, prefix);
                ps.executeUpdate();
            }
        }
    }

    @Test
    void batchesOfEverySizeTouchTheirOwnSessionsWithTheCachedPlan() throws Exception {
        try (Connection c = connection()) {
            TouchStatement.prepare(c);
            try {
                int round = 0;
                for (int size : new int[]{1, 7, TouchBatcher.MAX_BATCH}) {
                    for (int repeat = 0; repeat < 12; repeat++) {
                        round++;
                        List<TouchUpdate> batch = new ArrayList<>();
                        for (int k = 0; k < size; k++) {
                            int n = 4 + Math.floorMod(k * 7 + round * 13, SESSIONS - 4); // live, listed, visible sessions
                            // every other touch changes the song, every third the listeners
                            batch.add(new TouchUpdate(prefix + n, token, k % 2 == 0 ? "Song " + round : null,
                                    k % 3 == 0 ? 100 + round : null, 500, null, null, null));
                        }
                        dedupe(batch);
                        List<TouchStatement.Row> rows = TouchStatement.run(c, batch);
                        assertEquals(batch.size(), rows.size(), "one row per touch, batch of " + batch.size());
                        Set<Integer> ords = new HashSet<>();
                        for (TouchStatement.Row row : rows) {
                            assertTrue(ords.add(row.ord()), "each touch answered once");
                            TouchUpdate u = batch.get(row.ord());
                            Map<String, Object> stored = session(c, u.sid());
                            assertEquals(row.sessionId(), stored.get("id"), "the row is the touched SID's session");
                            assertEquals(stored.get("current_song"), row.currentSong());
                            assertEquals(stored.get("listeners"), row.listeners());
                            if (u.currentSong() != null) {
                                assertEquals(u.currentSong(), row.currentSong());
                            }
                            if (u.listeners() != null) {
                                assertEquals(u.listeners(), row.listeners());
                                assertTrue(row.listenersChanged(), "a new listener count is a change");
                            } else {
                                assertFalse(row.listenersChanged(), "no listener count, no change");
                            }
                            assertEquals(500, stored.get("max_listeners"));
                            assertEquals("listed", row.state());
                            assertEquals(StateMessages.LISTED, row.message());
                            assertFalse(row.hidden());
                        }
                    }
                }
            } finally {
                c.createStatement().execute("RESET ALL");
            }
        }
    }

    @Test
    void aTouchThatIsNotTheTokensLiveSessionChangesNothingAndHiddenOrPendingSessionsAreTold() throws Exception {
        try (Connection c = connection()) {
            TouchStatement.prepare(c);
            try {
                long before = touches(c);
                List<TouchStatement.Row> rows = TouchStatement.run(c, List.of(
                        new TouchUpdate(prefix + 0, otherToken, "Stolen", 9, null, null, null, null),
                        new TouchUpdate(prefix + 3, token, "After the end", 9, null, null, null, null),
                        new TouchUpdate(prefix + 1, token, "Hidden song", null, null, null, null, null),
                        new TouchUpdate(prefix + 2, token, null, null, null, null, null, null)));
                assertEquals(List.of(2, 3), rows.stream().map(TouchStatement.Row::ord).sorted().toList(),
                        "another token's SID and an ended session are not touched");
                assertEquals(before + 2, touches(c));
                assertEquals("Song 0", session(c, prefix + 0).get("current_song"));
                TouchStatement.Row hidden = rows.stream().filter(r -> r.ord() == 2).findFirst().orElseThrow();
                assertTrue(hidden.hidden());
                assertTrue(hidden.songChanged());
                assertEquals(StateMessages.HIDDEN_BY_OWNER, hidden.message());
                TouchStatement.Row pending = rows.stream().filter(r -> r.ord() == 3).findFirst().orElseThrow();
                assertEquals("pending", pending.state());
                assertEquals(StateMessages.PENDING, pending.message());
                assertFalse(pending.songChanged());
            } finally {
                c.createStatement().execute("RESET ALL");
            }
        }
    }

    /** The batcher never sends one SID twice in a statement (it defers the second): nor does this test. */
    private static void dedupe(List<TouchUpdate> batch) {
        Set<String> seen = new HashSet<>();
        batch.removeIf(u -> !seen.add(u.sid()));
    }

    private Map<String, Object> session(Connection c, String sid) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, current_song, listeners, max_listeners FROM streams_sessions WHERE sid = ?")) {
            ps.setString(1, sid);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                Map<String, Object> row = new java.util.HashMap<>();
                row.put("id", rs.getObject(1, UUID.class));
                row.put("current_song", rs.getString(2));
                row.put("listeners", rs.getInt(3));
                row.put("max_listeners", rs.getInt(4));
                return row;
            }
        }
    }

    private long touches(Connection c) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT sum(touch_count) FROM streams_sessions WHERE sid LIKE ? || '%'")) {
            ps.setString(1, prefix);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private Connection connection() throws Exception {
        Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
        c.setAutoCommit(true);
        return c;
    }

    private static long id(Connection c, String sql) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
