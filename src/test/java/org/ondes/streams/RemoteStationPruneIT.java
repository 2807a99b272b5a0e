package org.ondes.streams;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.testkit.FreePorts;
import org.ondes.testkit.IcecastWire;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.OndesInstance;
import org.ondes.testkit.TestDb;
import org.ondes.testkit.YpReplyHead;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Remote stations (other instances' streams) are forgotten once they have not been live for the retention period
 * (the default, 30 days), with their sessions and profile history; live ones, recently live ones, hidden ones and
 * local stations stay. Jobs are off: each test runs the pass by hand, on the real schema.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteStationPruneIT {
    static final String ORIGIN = "peer.example:8443";
    TestDb.Schema db;
    OndesInstance ondes;
    RemoteStreams remote;
    RemoteStationPruneJob job;

    @BeforeAll
    void start() {
        db = TestDb.newSchema();
        ondes = OndesInstance.start(db, FreePorts.next(), Map.of("ondes.jobs.enabled", "false"));
        remote = ondes.context().getBean(RemoteStreams.class);
        job = ondes.context().getBean(RemoteStationPruneJob.class);
    }

    @AfterAll
    void stop() {
        if (ondes != null) {
            ondes.close();
        }
    }

    @BeforeEach
    void empty() throws SQLException {
        sql("DELETE FROM streams_stations");
    }

    @Test
    void aRemoteStationNotLiveForLongerThanTheRetentionGoesWithItsSessionsAndHistory() throws Exception {
        RemoteListing first = listing("Gone Radio", "gone");
        assertEquals(RemoteStreams.Outcome.CREATED, remote.upsert(first));
        UUID station = stationOf(first);
        assertEquals(200, ondes.api().get("/api/v1/stations/" + station, null).status());
        assertEquals(1, count("SELECT count(*) FROM catalog_entries WHERE station_id = ?", station));
        assertTrue(remote.end(first.objectId(), ORIGIN));
        RemoteListing second = listing("Gone Radio", "gone");
        assertEquals(RemoteStreams.Outcome.CREATED, remote.upsert(second));
        assertEquals(station, stationOf(second), "one station per remote actor");
        assertTrue(remote.end(second.objectId(), ORIGIN));
        sql("INSERT INTO streams_profile_changes (station_id, kind, actor_id, actor_name, actor_role, fields)"
                + " VALUES ('" + station + "', 'owner_edit', 1, 'someone', 'user',"
                + " '[{\"field\": \"displayName\", \"before\": null, \"after\": \"X\"}]')");
        backdateSession(first, "ended_at", "45 days");
        backdateSession(second, "ended_at", "31 days");
        backdate(station, 60);
        assertEquals(0, count("SELECT count(*) FROM catalog_entries WHERE station_id = ?", station),
                "an offline station has no catalog entry to leave behind");

        assertEquals(new RemoteStationPruneJob.Pruned(1, 0), job.runOnce());

        assertEquals(0, count("SELECT count(*) FROM streams_stations WHERE id = ?", station));
        assertEquals(0, count("SELECT count(*) FROM streams_sessions WHERE station_id = ?", station));
        assertEquals(0, count("SELECT count(*) FROM streams_profile_changes WHERE station_id = ?", station));
        assertEquals(404, ondes.api().get("/api/v1/stations/" + station, null).status());
        assertEquals(new RemoteStationPruneJob.Pruned(0, 0), job.runOnce(), "nothing left to do");

        RemoteListing back = listing("Gone Radio", "gone");
        assertEquals(RemoteStreams.Outcome.CREATED, remote.upsert(back), "the station may come back");
        assertNotEquals(station, stationOf(back));
        assertEquals(200, ondes.api().get("/api/v1/stations/" + stationOf(back), null).status());
    }

    @Test
    void aRemoteStationLiveNowStaysAndOnlyItsOldEndedSessionsGo() throws Exception {
        RemoteListing old = listing("Still On", "still");
        remote.upsert(old);
        remote.end(old.objectId(), ORIGIN);
        RemoteListing live = listing("Still On", "still");
        remote.upsert(live);
        UUID station = stationOf(live);
        backdateSession(old, "ended_at", "50 days");
        backdateSession(live, "started_at", "40 days");
        backdate(station, 60);

        assertEquals(new RemoteStationPruneJob.Pruned(0, 1), job.runOnce());

        assertEquals(1, count("SELECT count(*) FROM streams_stations WHERE id = ?", station));
        assertEquals(1, count("SELECT count(*) FROM streams_sessions WHERE station_id = ? AND ended_at IS NULL", station));
        assertEquals(0, count("SELECT count(*) FROM streams_sessions WHERE station_id = ? AND ended_at IS NOT NULL", station),
                "an ended session older than a week goes when a later one exists");
        assertEquals(200, ondes.api().get("/api/v1/stations/" + station, null).status());
    }

    @Test
    void aRemoteStationLiveWithinTheRetentionKeepsItsLatestSessionUntilThen() throws Exception {
        RemoteListing older = listing("Recent Radio", "recent");
        remote.upsert(older);
        remote.end(older.objectId(), ORIGIN);
        RemoteListing latest = listing("Recent Radio", "recent");
        remote.upsert(latest);
        remote.end(latest.objectId(), ORIGIN);
        UUID station = stationOf(latest);
        backdateSession(older, "ended_at", "20 days");
        backdateSession(latest, "ended_at", "10 days");
        backdate(station, 60);

        assertEquals(new RemoteStationPruneJob.Pruned(0, 1), job.runOnce());
        assertEquals(1, count("SELECT count(*) FROM streams_stations WHERE id = ?", station));
        assertEquals(List.of(latest.objectId()), objects(station), "the latest session says when it was last live");
        // the YP sessions' purge (ended more than 7 days ago) leaves remote sessions alone
        ondes.context().getBean(SessionStore.class).purgeEnded(SessionExpiryJob.RETENTION);
        assertEquals(List.of(latest.objectId()), objects(station));
        assertEquals(new RemoteStationPruneJob.Pruned(0, 0), job.runOnce());

        backdateSession(latest, "ended_at", "30 days 1 minute");
        assertEquals(new RemoteStationPruneJob.Pruned(1, 0), job.runOnce(), "30 days on, it goes");
        assertEquals(0, count("SELECT count(*) FROM streams_stations WHERE id = ?", station));
    }

    @Test
    void aRemoteStationHiddenByAModeratorStaysSoTheHideHoldsIfItComesBack() throws Exception {
        RemoteListing hidden = listing("Hidden Radio", "hidden");
        remote.upsert(hidden);
        UUID station = stationOf(hidden);
        assertTrue(ondes.context().getBean(Streams.class).hideByModerator(station, "spam").isPresent());
        remote.end(hidden.objectId(), ORIGIN);
        sql("UPDATE streams_sessions SET ended_at = now() - interval '400 days'");
        backdate(station, 500);

        assertEquals(new RemoteStationPruneJob.Pruned(0, 0), job.runOnce());
        assertEquals(1, count("SELECT count(*) FROM streams_stations WHERE id = ?", station));
    }

    @Test
    void aRemoteStationWhoseSessionsWereAllForgottenGoesOnceUnchangedForTheRetention() throws Exception {
        // before this job, the YP purge deleted remote sessions after 7 days too: such stations have none left
        RemoteListing l = listing("Legacy Radio", "legacy");
        remote.upsert(l);
        UUID station = stationOf(l);
        sql("DELETE FROM streams_sessions WHERE station_id = '" + station + "'");
        sql("UPDATE streams_stations SET created_at = now() - interval '60 days', updated_at = now() - interval '10 days'"
                + " WHERE id = '" + station + "'");

        assertEquals(new RemoteStationPruneJob.Pruned(0, 0), job.runOnce(), "changed by its origin 10 days ago");
        backdate(station, 31);
        assertEquals(new RemoteStationPruneJob.Pruned(1, 0), job.runOnce());
        assertEquals(0, count("SELECT count(*) FROM streams_stations WHERE id = ?", station));
    }

    @Test
    void aLocalStationOfflineForAYearIsNeverTouched() throws Exception {
        OndesApi api = ondes.api();
        OndesApi.User user = api.newUser();
        for (String mount : new String[]{"a", "b"}) {
            YpReplyHead r = YpReplyHead.parse(api.ypRaw(user.ypToken(),
                    IcecastWire.add("Local Radio", "x", "http://127.0.0.1:9/" + mount + ".ogg")));
            assertTrue(r.ok(), r.raw());
        }
        UUID local = uuid("SELECT id FROM streams_stations WHERE origin IS NULL");
        sql("UPDATE streams_sessions SET ended_at = now() - interval '365 days', end_reason = 'expired'");
        backdate(local, 400);

        assertEquals(new RemoteStationPruneJob.Pruned(0, 0), job.runOnce());
        assertEquals(2, count("SELECT count(*) FROM streams_sessions WHERE station_id = ?", local),
                "local sessions are the YP purge's business");
        ondes.context().getBean(SessionStore.class).purgeEnded(SessionExpiryJob.RETENTION);
        assertEquals(0, count("SELECT count(*) FROM streams_sessions WHERE station_id = ?", local));
        assertEquals(new RemoteStationPruneJob.Pruned(0, 0), job.runOnce());
        assertEquals(1, count("SELECT count(*) FROM streams_stations WHERE id = ?", local));
    }

    @Test
    void aBacklogGoesInBatchesOnTwoPassesAtOnceEachStationOnce() throws Exception {
        int stale = 2 * RemoteStationPruneJob.BATCH + 234;
        sql("INSERT INTO streams_stations (origin, remote_actor, remote_url, name_key, name, created_at, updated_at)"
                + " SELECT 'bulk.example', 'https://bulk.example/stations/' || g, 'https://bulk.example/s/' || g,"
                + " 'bulk ' || g, 'Bulk ' || g, now() - interval '90 days', now() - interval '90 days'"
                + " FROM generate_series(1, " + stale + ") g");
        sql("INSERT INTO streams_sessions (sid, station_id, remote_object, listen_url, content_type, name, state,"
                + " started_at, ended_at, end_reason)"
                + " SELECT 'REMOTE-' || st.id, st.id, st.remote_actor || '/live', 'https://bulk.example/x.ogg',"
                + " 'audio/ogg', st.name, 'listed', now() - interval '91 days', now() - interval '90 days', 'expired'"
                + " FROM streams_stations st WHERE st.origin = 'bulk.example'");
        RemoteListing live = listing("Live Among Them", "live");
        remote.upsert(live);
        backdate(stationOf(live), 90);

        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<RemoteStationPruneJob.Pruned>> passes = List.of(
                    pool.submit(() -> {
                        together.await();
                        return job.runOnce();
                    }),
                    pool.submit(() -> {
                        together.await();
                        return job.runOnce();
                    }));
            int deleted = 0;
            for (Future<RemoteStationPruneJob.Pruned> pass : passes) {
                deleted += pass.get().stations();
            }
            assertEquals(stale, deleted, "every stale station deleted once, over several batches");
        } finally {
            pool.shutdown();
        }
        assertEquals(0, count("SELECT count(*) FROM streams_stations WHERE origin = 'bulk.example'"));
        assertEquals(0, count("SELECT count(*) FROM streams_sessions WHERE listen_url = 'https://bulk.example/x.ogg'"));
        assertEquals(1, count("SELECT count(*) FROM streams_stations WHERE origin IS NOT NULL"), "the live one stays");
    }

    private static RemoteListing listing(String name, String actor) {
        String base = "https://" + ORIGIN;
        return new RemoteListing(base + "/live/" + UUID.randomUUID(), base + "/stations/" + actor, ORIGIN,
                base + "/stations/" + actor, name, null, null, List.of("jazz"), URI.create(base + "/" + actor + ".ogg"),
                "audio/ogg", "vorbis", 128, 44100, 2, 3, "A song", "en", null, null, Instant.now(),
                Duration.ofMinutes(15));
    }

    /** Makes the station look as old as its sessions: created and last changed {@code days} ago. */
    private void backdate(UUID station, int days) throws SQLException {
        sql("UPDATE streams_stations SET created_at = now() - interval '" + days + " days', updated_at = now() - interval '"
                + days + " days' WHERE id = '" + station + "'");
    }

    /** Moves a remote session's {@code column} (ended_at or started_at) back by {@code interval}. */
    private void backdateSession(RemoteListing l, String column, String interval) throws SQLException {
        sql("UPDATE streams_sessions SET " + column + " = now() - interval '" + interval + "' WHERE remote_object = '"
                + l.objectId() + "'");
    }

    private UUID stationOf(RemoteListing l) throws SQLException {
        return uuid("SELECT station_id FROM streams_sessions WHERE remote_object = '" + l.objectId() + "'");
    }

    private List<String> objects(UUID station) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT remote_object FROM streams_sessions WHERE station_id = ? ORDER BY remote_object")) {
            ps.setObject(1, station);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> out = new java.util.ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        }
    }

    private UUID uuid(String query) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            assertTrue(rs.next(), query);
            return rs.getObject(1, UUID.class);
        }
    }

    private long count(String query, Object... params) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(query)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }
}
