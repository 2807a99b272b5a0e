package org.ondes.catalog;

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
import org.ondes.testkit.IcecastWire;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.TestDb;
import org.ondes.testkit.YpReplyHead;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The data behind a station page: live sessions, now playing, recent songs, listener history; offline too. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StationDetailIT implements TestPropertyProvider {
    @Inject
    EmbeddedServer server;
    @Inject
    ListenerHistoryJob historyJob;
    TestDb.Schema db;
    OndesApi api;
    FakeIcecastMount mount;

    @Override
    public Map<String, String> getProperties() {
        db = TestDb.newSchema();
        return db.properties();
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

    private Map<String, Object> detail(Object id) {
        OndesApi.Response r = api.get("/api/v1/stations/" + id, null);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLiveStationShowsSessionsSongsAndListenerHistoryAndStaysVisibleOffline() throws Exception {
        OndesApi.User user = api.newUser();
        String url = mount.url("/detail.ogg");
        YpReplyHead added = YpReplyHead.parse(api.ypRaw(user.ypToken(), IcecastWire.add("Detail FM", "dub, reggae", url)));
        String id = (String) api.awaitListed(url, e -> true).get("id");
        for (String song : List.of("King Tubby - Dub One", "Augustus Pablo - East", "Lee Perry - Upsetter")) {
            assertTrue(YpReplyHead.parse(api.ypRaw(user.ypToken(), IcecastWire.touch(added.sid(), song, 4))).ok());
            api.awaitListed(url, e -> song.equals(e.get("currentSong")));
        }
        Map<String, Object> live = Await.until(Duration.ofSeconds(10), () -> detail(id),
                d -> ((List<?>) d.get("recentSongs")).size() == 3, () -> "songs not recorded");
        assertEquals("Detail FM", live.get("name"));
        assertEquals(List.of("dub", "reggae"), live.get("genres"));
        assertEquals(true, live.get("live"));
        Map<String, Object> entry = (Map<String, Object>) live.get("entry");
        assertEquals(List.of(url), entry.get("listenUrls"));
        assertEquals("Lee Perry - Upsetter", entry.get("currentSong"));
        List<Map<String, Object>> songs = (List<Map<String, Object>>) live.get("recentSongs");
        assertEquals("Lee Perry - Upsetter", songs.get(0).get("song"), "newest first");
        assertEquals("King Tubby - Dub One", songs.get(2).get("song"));

        assertTrue(historyJob.runOnce() >= 1);
        List<Map<String, Object>> history = (List<Map<String, Object>>) detail(id).get("listenerHistory");
        assertEquals(4, history.get(history.size() - 1).get("listeners"));

        assertTrue(YpReplyHead.parse(api.ypRaw(user.ypToken(), IcecastWire.remove(added.sid()))).ok());
        Map<String, Object> offline = detail(id);
        assertEquals(false, offline.get("live"));
        assertNull(offline.get("entry"));
        assertEquals("Detail FM", offline.get("name"), "the profile outlives the broadcast");
        assertEquals(3, ((List<?>) offline.get("recentSongs")).size());
    }

    @Test
    void oldSamplesAreCompactedIntoHourlyAverages() throws Exception {
        UUID station = UUID.randomUUID();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO catalog_listener_samples VALUES "
                    + "('" + station + "', date_trunc('hour', now()) - interval '3 days' + interval '5 minutes', 10),"
                    + "('" + station + "', date_trunc('hour', now()) - interval '3 days' + interval '6 minutes', 20),"
                    + "('" + station + "', date_trunc('hour', now()) - interval '40 days', 99)");
        }
        historyJob.runOnce();
        try (Connection c = db.connect(); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT listeners, sampled_at = date_trunc('hour', sampled_at) FROM catalog_listener_samples"
                     + " WHERE station_id = '" + station + "'")) {
            assertTrue(rs.next());
            assertEquals(15, rs.getInt(1), "two minute samples became their hourly average");
            assertTrue(rs.getBoolean(2));
            assertFalse(rs.next(), "samples older than 30 days are gone");
        }
    }

    @Test
    void unknownAndMalformedIdsAreProblems() {
        OndesApi.Response unknown = api.get("/api/v1/stations/" + UUID.randomUUID(), null);
        assertEquals(404, unknown.status());
        assertTrue(unknown.contentType().startsWith("application/problem+json"));
        OndesApi.Response malformed = api.get("/api/v1/stations/not-a-uuid", null);
        assertEquals(400, malformed.status());
        assertEquals("id", ((Map<?, ?>) ((List<?>) malformed.json().get("errors")).get(0)).get("name"));
    }

    @Test
    void conditionalRequestsGet304() throws Exception {
        OndesApi.User user = api.newUser();
        String url = mount.url("/etag.ogg");
        YpReplyHead.parse(api.ypRaw(user.ypToken(), IcecastWire.add("Etag FM", "x", url)));
        String id = (String) api.awaitListed(url, e -> true).get("id");
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://127.0.0.1:" + server.getPort() + "/api/v1/stations/" + id);
        String etag = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                .headers().firstValue("ETag").orElseThrow();
        assertEquals(304, http.send(HttpRequest.newBuilder(uri).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
    }
}
