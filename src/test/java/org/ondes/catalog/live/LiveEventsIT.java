package org.ondes.catalog.live;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.testkit.Await;
import org.ondes.testkit.FakeIcecastMount;
import org.ondes.testkit.ListedStream;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.SseClient;
import org.ondes.testkit.TestDb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /api/v1/events on one instance, over real HTTP against a real PostgreSQL, driven by real YP requests. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveEventsIT implements TestPropertyProvider {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    EmbeddedServer server;
    @Inject
    EventHub hub;
    @Inject
    EventsPruneJob prune;
    TestDb.Schema db;
    OndesApi api;
    FakeIcecastMount mount;

    @Override
    public Map<String, String> getProperties() {
        db = TestDb.newSchema();
        Map<String, String> p = new HashMap<>(db.properties());
        p.put("ondes.events.keepalive-seconds", "1");
        return p;
    }

    @BeforeAll
    void start() throws Exception {
        api = new OndesApi(server.getPort());
        mount = new FakeIcecastMount();
    }

    @AfterAll
    void stop() throws Exception {
        mount.close();
    }

    private SseClient open(String query, String... headers) {
        return SseClient.open("http://127.0.0.1:" + server.getPort(), "/api/v1/events" + query, headers);
    }

    @Test
    void aClientSeesLiveThenNowPlayingThenOfflineAsAStreamIsListedTouchedAndRemoved() {
        try (SseClient client = open("")) {
            assertEquals(200, client.status());
            assertTrue(client.header("Content-Type").startsWith("text/event-stream"), client.header("Content-Type"));
            assertEquals("no-cache", client.header("Cache-Control"));
            assertEquals("*", client.header("Access-Control-Allow-Origin"));

            OndesApi.User user = api.newUser();
            ListedStream s = ListedStream.announce(api, user, mount, "Feed FM", "/feed.ogg");
            SseClient.Message live = client.await(WAIT, "live", s.sessionId());
            assertEquals(s.stationId(), live.json().get("stationId"));
            assertTrue(live.json().containsKey("at"));
            assertFalse(live.json().containsKey("currentSong"), live.data());

            assertTrue(s.touch(api, user, "Nina Simone - \"Sinnerman\"", 7).ok());
            SseClient.Message playing = client.await(WAIT, "nowPlaying", s.sessionId());
            assertEquals("Nina Simone - \"Sinnerman\"", playing.json().get("currentSong"));
            assertEquals(7, playing.json().get("listeners"));

            assertTrue(s.remove(api, user).ok());
            SseClient.Message offline = client.await(WAIT, "offline", s.sessionId());
            assertEquals("removed", offline.json().get("reason"));
            assertTrue(live.idAsLong() < playing.idAsLong() && playing.idAsLong() < offline.idAsLong(),
                    "ids increase: " + client.messages());
        }
    }

    @Test
    void eventsAreNeverCompressedSoEachOneLeavesAtOnce() {
        // Browsers' EventSource sends Accept-Encoding: gzip; a compressor holds bytes back and costs CPU per client.
        try (SseClient client = open("", "Accept-Encoding", "gzip, deflate")) {
            assertEquals(200, client.status());
            assertNull(client.header("Content-Encoding"), "events must go out uncompressed");
            OndesApi.User user = api.newUser();
            ListedStream s = ListedStream.announce(api, user, mount, "Plain FM", "/plain.ogg");
            client.await(WAIT, "live", s.sessionId());
            assertTrue(s.remove(api, user).ok());
        }
    }

    @Test
    void aListenerCountChangeIsSentAndQuickChangesAreCoalescedToTheLatest() {
        OndesApi.User user = api.newUser();
        ListedStream s = ListedStream.announce(api, user, mount, "Crowd FM", "/crowd.ogg");
        try (SseClient client = open("?station=" + s.stationId())) {
            assertTrue(s.touch(api, user, "Same Song", 1).ok());
            client.await(WAIT, "nowPlaying", s.sessionId());
            for (int listeners = 2; listeners <= 6; listeners++) {
                assertTrue(s.touch(api, user, "Same Song", listeners).ok());
            }
            client.await(WAIT, m -> m.event().equals("listeners") && m.json().get("listeners").equals(6));
            List<SseClient.Message> counts = client.messages("listeners");
            assertTrue(counts.size() <= 2, "five changes within 5 s give the first and the latest only: " + counts);
            assertFalse(counts.get(counts.size() - 1).json().containsKey("currentSong"));
        }
    }

    @Test
    void theStationFilterLeavesOtherStationsOut() {
        OndesApi.User user = api.newUser();
        ListedStream wanted = ListedStream.announce(api, user, mount, "Wanted FM", "/wanted.ogg");
        ListedStream other = ListedStream.announce(api, user, mount, "Other FM", "/other.ogg");
        try (SseClient filtered = open("?station=" + wanted.stationId());
             SseClient all = open("")) {
            assertTrue(other.touch(api, user, "Other title", 1).ok());
            all.await(WAIT, "nowPlaying", other.sessionId());
            assertTrue(wanted.touch(api, user, "Wanted title", 1).ok());
            filtered.await(WAIT, "nowPlaying", wanted.sessionId());
            // events are fanned out in id order: the other station's event, older, was already skipped
            assertTrue(filtered.messages().stream().noneMatch(m -> m.data().contains(other.stationId())), filtered.messages().toString());
        }
    }

    @Test
    void aStationFilterThatIsNotAUuidIsRefusedNamingTheParameter() {
        OndesApi.Response r = api.get("/api/v1/events?station=not-a-uuid", null);
        assertEquals(400, r.status());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertEquals("station", ((Map<?, ?>) ((List<?>) r.json().get("errors")).get(0)).get("name"));
    }

    @Test
    void lastEventIdReplaysTheEventsMissedWhileDisconnectedThenContinuesLive() {
        OndesApi.User user = api.newUser();
        ListedStream s = ListedStream.announce(api, user, mount, "Resume FM", "/resume.ogg");
        long seen;
        try (SseClient first = open("?station=" + s.stationId())) {
            assertTrue(s.touch(api, user, "Before the cut", 1).ok());
            seen = first.await(WAIT, "nowPlaying", "Before the cut").idAsLong();
        }
        List<Long> missed;
        try (SseClient observer = open("?station=" + s.stationId())) {
            assertTrue(s.touch(api, user, "Missed one", 1).ok());
            assertTrue(s.touch(api, user, "Missed two", 1).ok());
            observer.await(WAIT, "nowPlaying", "Missed two");
            missed = observer.messages().stream().map(SseClient.Message::idAsLong).toList();
        }
        for (String how : List.of("header", "query")) {
            try (SseClient resumed = how.equals("header")
                    ? open("?station=" + s.stationId(), "Last-Event-ID", Long.toString(seen))
                    : open("?station=" + s.stationId() + "&lastEventId=" + seen)) {
                resumed.await(WAIT, "nowPlaying", "Missed two");
                assertEquals(missed, resumed.messages().stream().map(SseClient.Message::idAsLong).toList(), how);
            }
        }
        try (SseClient resumed = open("?station=" + s.stationId(), "Last-Event-ID", Long.toString(seen))) {
            resumed.await(WAIT, "nowPlaying", "Missed two");
            assertTrue(s.touch(api, user, "After the return", 1).ok());
            resumed.await(WAIT, "nowPlaying", "After the return");
            List<String> titles = resumed.messages().stream().map(m -> (String) m.json().get("currentSong")).toList();
            assertEquals(List.of("Missed one", "Missed two", "After the return"), titles);
        }
    }

    @Test
    void anIdOlderThanTheWindowOrUnknownOrMalformedGetsOneResync() throws Exception {
        OndesApi.User user = api.newUser();
        ListedStream s = ListedStream.announce(api, user, mount, "Old FM", "/old.ogg");
        long id;
        try (SseClient client = open("?station=" + s.stationId())) {
            assertTrue(s.touch(api, user, "Long ago", 1).ok());
            id = client.await(WAIT, "nowPlaying", "Long ago").idAsLong();
        }
        age(id);
        for (String lastId : List.of(Long.toString(id), "999999999", "yesterday")) {
            try (SseClient client = open("?station=" + s.stationId(), "Last-Event-ID", lastId)) {
                SseClient.Message resync = client.await(WAIT, m -> true);
                assertEquals("resync", resync.event(), lastId);
                assertTrue(((String) resync.json().get("reason")).contains("/api/v1/streams"), resync.data());
                assertTrue(s.touch(api, user, "Now " + lastId, 1).ok());
                client.await(WAIT, "nowPlaying", "Now " + lastId);
                assertEquals(1, client.messages("resync").size(), client.messages().toString());
            }
        }
    }

    @Test
    void keepAliveCommentsArriveOnAnIdleStream() {
        try (SseClient client = open("?station=00000000-0000-0000-0000-000000000000")) {
            Await.until(WAIT, () -> client.comments().stream().filter("keep-alive"::equals).count(), n -> n >= 2,
                    () -> "comments: " + client.comments());
            assertTrue(client.messages().isEmpty(), client.messages().toString());
        }
    }

    @Test
    void aClientThatDisconnectsIsForgotten() {
        // the other tests' clients are closed but may still be on their way out: counting from a moving number
        // raced with them (seen once in CI), so start from none
        Await.until(WAIT, hub::clientCount, n -> n == 0, () -> "earlier clients left: " + hub.clientCount());
        SseClient client = open("");
        Await.until(WAIT, hub::clientCount, n -> n == 1, () -> "clients: " + hub.clientCount());
        client.close();
        Await.until(WAIT, hub::clientCount, n -> n == 0, () -> "clients: " + hub.clientCount());
    }

    @Test
    void pruningDeletesEventsOlderThanTheWindowAndKeepsRecentOnes() throws Exception {
        OndesApi.User user = api.newUser();
        ListedStream s = ListedStream.announce(api, user, mount, "Prune FM", "/prune.ogg");
        long old;
        long recent;
        try (SseClient client = open("?station=" + s.stationId())) {
            assertTrue(s.touch(api, user, "Old news", 1).ok());
            old = client.await(WAIT, "nowPlaying", "Old news").idAsLong();
            assertTrue(s.touch(api, user, "Fresh news", 1).ok());
            recent = client.await(WAIT, "nowPlaying", "Fresh news").idAsLong();
        }
        age(old);
        prune.runOnce();
        assertNull(createdAt(old), "an event older than the window is deleted");
        assertTrue(createdAt(recent) != null, "a recent event is kept");
    }

    /** Makes every event up to this id an hour old. */
    private void age(long upToId) throws Exception {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("UPDATE catalog_events SET created_at = now() - interval '1 hour' WHERE id <= ?")) {
            ps.setLong(1, upToId);
            assertTrue(ps.executeUpdate() >= 1);
        }
    }

    private Object createdAt(long id) throws Exception {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT created_at FROM catalog_events WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        }
    }
}
