package org.ondes.catalog.export;

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
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * yp.xml and the station playlists over real HTTP against a real PostgreSQL, with streams that went through the real
 * YP path and listen-URL check: two listed stations (one with two relays), and sessions that are pending,
 * unreachable or ended, which must never be exported.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportsIT implements TestPropertyProvider {
    static final String ROCK_NAME = "Rock & <Roll> 'n' \"Blues\"";

    @Inject
    EmbeddedServer server;
    final TestDb.Schema db = TestDb.newSchema();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    OndesApi api;
    FakeIcecastMount mount;
    String relayOgg;
    String relayMp3;
    String rock;
    String pending;
    String unreachable;
    String ended;
    UUID relayStation;
    UUID rockStation;
    UUID deadStation;
    UUID endedStation;

    @Override
    public Map<String, String> getProperties() {
        return db.properties();
    }

    @BeforeAll
    void seed() throws Exception {
        api = new OndesApi(server.getPort());
        mount = new FakeIcecastMount();
        relayOgg = mount.url("/relay.ogg");
        relayMp3 = mount.url("/relay.mp3");
        rock = mount.url("/rock.ogg");
        pending = "http://127.0.0.1:1/pending.mp3";
        unreachable = "http://127.0.0.1:1/unreachable.mp3";
        ended = mount.url("/ended.ogg");

        OndesApi.User relays = api.newUser();
        YpReplyHead ogg = yp(relays, IcecastWire.add("Relay Radio", "dub, reggae", relayOgg));
        YpReplyHead mp3 = yp(relays, IcecastWire.raw("action=add&sn=Relay%20Radio&cpswd=&desc=&url="
                + "&genre=" + IcecastWire.esc("dub, reggae") + "&listenurl=" + IcecastWire.esc(relayMp3) + "&type=audio%2fmpeg&stype=&b=128"
                + "&bitrate%3d128%3bchannels%3d2%3bsamplerate%3d44100&\r\n"));
        OndesApi.User other = api.newUser();
        YpReplyHead rockAdd = yp(other, IcecastWire.add(ROCK_NAME, "Rock; Blues", rock));
        yp(other, IcecastWire.add("Dead Air", "x", pending));
        yp(other, IcecastWire.add("Dead Air", "x", unreachable));
        YpReplyHead endedAdd = yp(other, IcecastWire.add("Gone Radio", "x", ended));

        awaitListed(relayOgg, relayMp3, rock, ended);
        assertTrue(yp(relays, IcecastWire.touch(mp3.sid(), "Dub <Syndicate> & Co", 9)).ok());
        assertTrue(yp(relays, IcecastWire.touch(ogg.sid(), "", 2)).ok());
        assertTrue(yp(other, IcecastWire.touch(rockAdd.sid(), "AC/DC - It's a \"Long\" Way", 7)).ok());
        assertTrue(yp(other, IcecastWire.remove(endedAdd.sid())).ok());
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("""
                UPDATE streams_sessions SET state = 'unreachable', state_reason = 'connection refused',
                       next_probe_at = now() + interval '1 day'
                WHERE listen_url = ? AND ended_at IS NULL""")) {
            ps.setString(1, unreachable);
            assertEquals(1, ps.executeUpdate());
        }
        relayStation = stationId(relayOgg);
        rockStation = stationId(rock);
        deadStation = ownStationId(other, "Dead Air");
        endedStation = ownStationId(other, "Gone Radio");
    }

    @AfterAll
    void stop() throws IOException {
        mount.close();
    }

    @Test
    void ypXmlHasOneEntryPerListenUrlInDirXiphOrgsSchema() throws Exception {
        HttpResponse<byte[]> r = get("/yp.xml", Map.of());
        assertEquals(200, r.statusCode());
        assertEquals("application/xml;charset=utf-8", header(r, "Content-Type").replace(" ", "").toLowerCase());
        assertEquals("public, max-age=30", header(r, "Cache-Control"));
        assertTrue(r.headers().firstValue("Content-Encoding").isEmpty(), "identity unless the client asks for gzip");

        Map<String, Map<String, String>> entries = XmlDocs.ypEntries(r.body());
        assertEquals(Set.of(relayOgg, relayMp3, rock), entries.keySet(), "one entry per listed listen URL, nothing else");
        assertEquals(Map.of("server_name", "Relay Radio", "listen_url", relayMp3, "server_type", "audio/mpeg",
                "bitrate", "128", "channels", "2", "samplerate", "44100", "genre", "dub reggae",
                "current_song", "Dub <Syndicate> & Co"), entries.get(relayMp3));
        assertEquals(Map.of("server_name", "Relay Radio", "listen_url", relayOgg, "server_type", "application/ogg",
                "bitrate", "96", "channels", "0", "samplerate", "0", "genre", "dub reggae",
                "current_song", ""), entries.get(relayOgg));
        assertEquals(ROCK_NAME, entries.get(rock).get("server_name"));
        assertEquals("rock blues", entries.get(rock).get("genre"));
        assertEquals("AC/DC - It's a \"Long\" Way", entries.get(rock).get("current_song"));

        String text = new String(r.body(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<directory>\n"), text);
        assertTrue(text.contains("<server_name>Rock &amp; &lt;Roll&gt; &apos;n&apos; &quot;Blues&quot;</server_name>"), text);
        assertTrue(text.contains("<current_song></current_song>"), "empty elements are written, never self-closed");
        assertFalse(text.contains("<listeners") || text.contains("<description") || text.contains("<homepage"), text);
    }

    @Test
    void ypXmlIsGzippedWhenTheClientAsksAndIdenticalOnceDecompressed() throws Exception {
        HttpResponse<byte[]> plain = get("/yp.xml", Map.of());
        HttpResponse<byte[]> gzip = get("/yp.xml", Map.of("Accept-Encoding", "gzip"));
        assertEquals(200, gzip.statusCode());
        assertEquals("gzip", header(gzip, "Content-Encoding"));
        assertEquals("Accept-Encoding", header(gzip, "Vary"));
        assertEquals("public, max-age=30", header(gzip, "Cache-Control"));
        byte[] inflated;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip.body()))) {
            inflated = in.readAllBytes();
        }
        assertArrayEquals(plain.body(), inflated);
        assertEquals(3, XmlDocs.ypEntries(inflated).size());
    }

    @Test
    void headAnswersWithoutABodyAndLeavesNothingBehind() throws Exception {
        for (int i = 0; i < 10; i++) {
            HttpResponse<byte[]> head = http.send(HttpRequest.newBuilder(uri("/yp.xml"))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, head.statusCode());
            assertEquals(0, head.body().length);
        }
        assertEquals(3, XmlDocs.ypEntries(get("/yp.xml", Map.of()).body()).size(), "exports still work after many HEADs");
    }

    @Test
    void playlistsListExactlyTheStationsListenUrlsMostListenersFirst() throws Exception {
        String base = "/stations/" + relayStation;
        HttpResponse<byte[]> m3u = get(base + "/listen.m3u", Map.of());
        assertEquals(200, m3u.statusCode());
        assertEquals("audio/x-mpegurl", header(m3u, "Content-Type"));
        assertEquals("inline; filename=\"Relay_Radio.m3u\"", header(m3u, "Content-Disposition"));
        assertEquals("#EXTM3U\r\n#EXTINF:-1,Relay Radio\r\n" + relayMp3 + "\r\n#EXTINF:-1,Relay Radio\r\n" + relayOgg + "\r\n",
                utf8(m3u));

        HttpResponse<byte[]> pls = get(base + "/listen.pls", Map.of());
        assertEquals("audio/x-scpls", header(pls, "Content-Type"));
        assertEquals("inline; filename=\"Relay_Radio.pls\"", header(pls, "Content-Disposition"));
        assertEquals("[playlist]\r\nFile1=" + relayMp3 + "\r\nTitle1=Relay Radio\r\nLength1=-1\r\nFile2=" + relayOgg
                + "\r\nTitle2=Relay Radio\r\nLength2=-1\r\nNumberOfEntries=2\r\nVersion=2\r\n", utf8(pls));

        HttpResponse<byte[]> xspf = get("/stations/" + rockStation + "/listen.xspf", Map.of());
        assertEquals("application/xspf+xml", header(xspf, "Content-Type"));
        assertEquals("inline; filename=\"Rock_Roll_n_Blues.xspf\"", header(xspf, "Content-Disposition"));
        Document doc = XmlDocs.parse(xspf.body());
        Element playlist = doc.getDocumentElement();
        assertEquals("playlist", playlist.getLocalName());
        assertEquals("http://xspf.org/ns/0/", playlist.getNamespaceURI());
        assertEquals("1", playlist.getAttribute("version"));
        assertEquals(List.of(ROCK_NAME), XmlDocs.xspfTexts(playlist, "title"));
        assertEquals(List.of("http://example.org/feas"), XmlDocs.xspfTexts(playlist, "info"));
        assertEquals(List.of(rock), XmlDocs.xspfTexts(playlist, "location"));
    }

    @Test
    void stationsThatAreUnknownOrNotLiveAre404AndMalformedIdsAre400() throws Exception {
        for (UUID id : List.of(UUID.randomUUID(), deadStation, endedStation)) {
            for (String format : List.of("m3u", "pls", "xspf")) {
                HttpResponse<byte[]> r = get("/stations/" + id + "/listen." + format, Map.of());
                assertEquals(404, r.statusCode(), id + "." + format);
                assertEquals("application/problem+json", header(r, "Content-Type"));
                Map<String, Object> problem = OndesApi.json(utf8(r));
                assertEquals(404, problem.get("status"));
                assertEquals("/stations/" + id + "/listen." + format, problem.get("instance"));
            }
        }
        for (String bad : List.of("not-a-uuid", "1-1-1-1-1", "0b7e2f5c3d7a4c1e9a552f0d8b1c6e21")) {
            HttpResponse<byte[]> r = get("/stations/" + bad + "/listen.m3u", Map.of());
            assertEquals(400, r.statusCode(), bad);
            assertEquals("application/problem+json", header(r, "Content-Type"));
            Map<String, Object> problem = OndesApi.json(utf8(r));
            assertEquals(List.of("id"), ((List<?>) problem.get("errors")).stream().map(e -> ((Map<?, ?>) e).get("name")).toList());
        }
    }

    @Test
    void pendingUnreachableAndEndedSessionsAreNeverExported() throws Exception {
        String yp = utf8(get("/yp.xml", Map.of()));
        for (String url : List.of(pending, unreachable, ended)) {
            assertFalse(yp.contains(url), url + " must not be in yp.xml");
        }
        assertFalse(yp.contains("Dead Air") || yp.contains("Gone Radio"), yp);
    }

    // --- helpers

    private YpReplyHead yp(OndesApi.User user, byte[] body) {
        YpReplyHead r = YpReplyHead.parse(api.ypRaw(user.ypToken(), body));
        assertTrue(r.ok(), r.raw());
        return r;
    }

    private void awaitListed(String... urls) {
        Await.until(Duration.ofSeconds(20), () -> List.of(urls).stream().allMatch(u -> api.listedStream(u) != null),
                ok -> ok, () -> api.get("/api/v1/streams?limit=500", null).body());
    }

    private UUID stationId(String listenUrl) {
        return UUID.fromString((String) api.listedStream(listenUrl).get("id"));
    }

    private UUID ownStationId(OndesApi.User user, String name) {
        for (Object o : api.get("/api/v1/me/stations", user.bearer()).jsonList()) {
            Map<?, ?> st = (Map<?, ?>) o;
            if (name.equals(st.get("name"))) {
                return UUID.fromString((String) st.get("id"));
            }
        }
        throw new AssertionError("no station " + name);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getPort() + path);
    }

    private HttpResponse<byte[]> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse("<none>");
    }

    private static String utf8(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }
}
