package org.ondes.catalog;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.testkit.FakeIcecastMount;
import org.ondes.testkit.IcecastWire;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.TestDb;
import org.ondes.testkit.YpReplyHead;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Search over live stations as listeners and player apps use it, against a real PostgreSQL read model. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogSearchIT implements TestPropertyProvider {
    @Inject
    EmbeddedServer server;
    @Inject
    StreamsController controller;
    @Inject
    Catalog catalog;
    @Inject
    io.micronaut.json.JsonMapper json;
    OndesApi api;
    FakeIcecastMount mount;
    OndesApi.User user;
    final Map<String, String> sids = new LinkedHashMap<>();

    @Override
    public Map<String, String> getProperties() {
        return TestDb.properties();
    }

    private String add(String name, String genre, String mountName, String type, String stype, int bitrate) {
        String url = mount.url(mountName);
        String body = "action=add&sn=" + IcecastWire.esc(name) + "&genre=" + IcecastWire.esc(genre) + "&cpswd=&desc="
                + IcecastWire.esc("All about " + name) + "&url=&listenurl=" + IcecastWire.esc(url) + "&type="
                + IcecastWire.esc(type) + "&stype=" + stype + "&b=" + bitrate + "&\r\n";
        YpReplyHead r = YpReplyHead.parse(api.ypRaw(user.ypToken(), IcecastWire.raw(body)));
        assertTrue(r.ok(), r.raw());
        sids.put(mountName, r.sid());
        return url;
    }

    private void touch(String mountName, String song, int listeners) {
        assertTrue(YpReplyHead.parse(api.ypRaw(user.ypToken(), IcecastWire.touch(sids.get(mountName), song, listeners))).ok());
    }

    @BeforeAll
    void seed() throws Exception {
        api = new OndesApi(server.getPort());
        mount = new FakeIcecastMount();
        user = api.newUser();
        add("Jazz Lounge", "jazz, lounge", "/jazz.mp3", "audio/mpeg", "", 128);
        add("Jazz Lounge", "jazz, lounge", "/jazz-relay.mp3", "audio/mpeg", "", 128);
        add("Rock Alpha", "rock", "/alpha.ogg", "application/ogg", "Vorbis", 96);
        add("Techno Beta", "techno electronic", "/beta.aac", "audio/aac", "", 64);
        add("Ambient Gamma", "ambient, it's \\ on:*", "/gamma.opus", "audio/ogg", "Opus", 0);
        add("Rock Delta", "rock, live", "/delta.mp3", "audio/mpeg", "", 320);
        for (String m : sids.keySet()) {
            api.awaitListed(mount.url(m), e -> true);
        }
        touch("/jazz.mp3", "Miles Davis - So What", 5);
        touch("/jazz-relay.mp3", "Miles Davis - So What", 3);
        touch("/alpha.ogg", "Alpha Band - First", 20);
        touch("/beta.aac", "", 1);
        touch("/gamma.opus", "", 0);
        touch("/delta.mp3", "Delta - Live Set", 7);
        api.awaitListed(mount.url("/delta.mp3"), e -> ((Number) e.get("listeners")).intValue() == 7);
        api.awaitListed(mount.url("/jazz.mp3"), e -> ((Number) e.get("listeners")).intValue() == 8);
        api.awaitListed(mount.url("/alpha.ogg"), e -> ((Number) e.get("listeners")).intValue() == 20);
    }

    @AfterAll
    void stop() throws Exception {
        mount.close();
    }

    private Map<String, Object> search(String query) {
        OndesApi.Response r = api.get("/api/v1/streams?" + query, null);
        assertEquals(200, r.status(), query + " -> " + r.body());
        return r.json();
    }

    private List<String> names(String query) {
        List<String> names = new ArrayList<>();
        for (Object o : (List<?>) search(query).get("items")) {
            names.add((String) ((Map<?, ?>) o).get("name"));
        }
        return names;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void relaysOfOneProgramAreOneEntryWithListenersSummedAndEveryUrl() {
        Map<?, ?> jazz = (Map<?, ?>) ((List<?>) search("q=jazz").get("items")).get(0);
        assertEquals("Jazz Lounge", jazz.get("name"));
        assertEquals(8, jazz.get("listeners"));
        assertEquals(List.of(mount.url("/jazz.mp3"), mount.url("/jazz-relay.mp3")), jazz.get("listenUrls"),
                "every listen URL, most listeners first");
        assertEquals(2, ((List<?>) jazz.get("sessions")).size());
        assertEquals(1L, names("genre=jazz").stream().filter("Jazz Lounge"::equals).count());
    }

    @Test
    void defaultOrderIsMostListenersFirstAndTotalIsExact() {
        Map<String, Object> all = search("");
        assertEquals(5, ((Number) all.get("total")).intValue());
        assertEquals(List.of("Rock Alpha", "Jazz Lounge", "Rock Delta", "Techno Beta", "Ambient Gamma"), names(""));
        assertEquals(List.of("Ambient Gamma", "Techno Beta", "Rock Delta", "Jazz Lounge", "Rock Alpha"), names("reverse=true"));
        assertEquals(List.of("Ambient Gamma", "Jazz Lounge", "Rock Alpha", "Rock Delta", "Techno Beta"), names("order=name"));
        assertEquals(List.of("Rock Delta", "Jazz Lounge", "Rock Alpha", "Techno Beta", "Ambient Gamma"), names("order=bitrate"));
    }

    @Test
    void fullTextSearchCoversNameGenresSongAndDescriptionWithPrefixes() {
        assertEquals(List.of("Jazz Lounge"), names("q=" + enc("miles davis")), "current song");
        assertEquals(List.of("Rock Alpha"), names("q=alph"), "prefix of the name");
        assertEquals(List.of("Jazz Lounge"), names("q=lounge"), "genre");
        assertEquals(List.of("Techno Beta"), names("q=" + enc("about techno")), "description");
        assertEquals(2, names("q=rock").size());
        assertEquals(List.of(), names("q=" + enc("zzz-nothing")));
        assertEquals(5, names("q=" + enc("!!!")).size(), "a text without words filters nothing");
        assertEquals(400, api.get("/api/v1/streams?order=relevance&q=" + enc("!!!"), null).status());
    }

    @Test
    void filtersCombine() {
        assertEquals(List.of("Rock Alpha", "Rock Delta"), names("genre=rock"));
        assertEquals(List.of("Rock Delta"), names("genre=rock&tag=live"), "all genres must match");
        assertEquals(List.of("Rock Alpha"), names("codec=vorbis"), "codec is case-insensitive");
        assertEquals(List.of("Ambient Gamma"), names("codec=Opus"));
        assertEquals(List.of("Techno Beta"), names("contentType=" + enc("audio/aac")));
        assertEquals(List.of("Jazz Lounge", "Rock Delta"), names("bitrateMin=128&order=name"));
        assertEquals(List.of("Ambient Gamma", "Rock Alpha", "Techno Beta"), names("bitrateMax=100&order=name"));
        assertEquals(List.of(), names("https=true"));
        assertEquals(5, names("https=false").size());
        assertEquals(List.of("Ambient Gamma"), names("genre=" + enc("it's \\ on:*")), "a genre is matched exactly, quotes and all");
        assertEquals(List.of(), names("genre=" + enc("it's")));
        assertEquals(List.of("Ambient Gamma"), names("q=ambient&genre=" + enc("It's \\ On:*") + "&codec=opus"));
        assertEquals(List.of(), names("q=c"), "search words never match a filter term (codecs are stored as '~c mp3')");
    }

    @Test
    void cursorPagesVisitEveryEntryOnceWithTheSameTotal() {
        for (String order : List.of("listeners", "name", "bitrate", "liveSince", "random&seed=42")) {
            List<String> seen = new ArrayList<>();
            String next = null;
            int pages = 0;
            do {
                Map<String, Object> page = search("limit=2&order=" + order + (next == null ? "" : "&cursor=" + next));
                assertEquals(5, ((Number) page.get("total")).intValue());
                ((List<?>) page.get("items")).forEach(o -> seen.add((String) ((Map<?, ?>) o).get("name")));
                next = (String) page.get("next");
                pages++;
            } while (next != null && pages < 10);
            assertEquals(5, seen.size(), order + ": " + seen);
            assertEquals(5, seen.stream().distinct().count(), order + ": " + seen);
        }
        assertEquals(names("order=random&seed=7"), names("order=random&seed=7"), "a seed gives a repeatable shuffle");
    }

    @Test
    void relevanceRanksNameMatchesFirst() {
        List<String> r = names("q=rock&order=relevance");
        assertEquals(2, r.size());
        assertTrue(r.containsAll(List.of("Rock Alpha", "Rock Delta")));
    }

    @Test
    void conditionalRequestsAreAnswered304UntilTheCatalogChanges() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://127.0.0.1:" + server.getPort() + "/api/v1/streams?genre=rock");
        HttpResponse<String> first = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertNotNull(first.headers().firstValue("Last-Modified").orElse(null));
        assertEquals("public, max-age=5", first.headers().firstValue("Cache-Control").orElse(null));
        assertEquals("*", first.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        HttpResponse<String> again = http.send(HttpRequest.newBuilder(uri).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        touch("/delta.mp3", "Delta - Encore", 9);
        api.awaitListed(mount.url("/delta.mp3"), e -> ((Number) e.get("listeners")).intValue() == 9);
        HttpResponse<String> changed = http.send(HttpRequest.newBuilder(uri).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, changed.statusCode());
        assertNotEquals(etag, changed.headers().firstValue("ETag").orElseThrow());
    }

    @Test
    void facetsCountLiveStations() {
        List<Object> genres = api.get("/api/v1/genres", null).jsonList();
        assertTrue(genres.contains(Map.of("name", "rock", "count", 2)), String.valueOf(genres));
        assertTrue(genres.contains(Map.of("name", "jazz", "count", 1)), "relays count once: " + genres);
        List<Object> codecs = api.get("/api/v1/codecs", null).jsonList();
        assertTrue(codecs.contains(Map.of("name", "MP3", "count", 2)), String.valueOf(codecs));
    }

    @Test
    void badParametersGetProblemJsonNamingTheParameter() {
        String other = (String) search("limit=1&order=name").get("next");
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("limit=0", "limit");
        cases.put("limit=501", "limit");
        cases.put("limit=abc", "limit");
        cases.put("limit=99999999999999999999", "limit");
        cases.put("order=loudest", "order");
        cases.put("order=relevance", "order");
        cases.put("reverse=maybe", "reverse");
        cases.put("cursor=not-a-cursor", "cursor");
        cases.put("cursor=" + other, "cursor");
        cases.put("codec=wav", "codec");
        cases.put("bitrateMin=-1", "bitrateMin");
        cases.put("bitrateMin=300&bitrateMax=100", "bitrateMin");
        cases.put("q=" + "x".repeat(201), "q");
        cases.put("https=perhaps", "https");
        cases.put("country=FRA", "country");
        cases.put("language=" + enc("<script>"), "language");
        cases.put("contentType=mpeg", "contentType");
        cases.forEach((query, param) -> {
            OndesApi.Response r = api.get("/api/v1/streams?" + query, null);
            assertEquals(400, r.status(), query + " -> " + r.body());
            assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
            assertEquals(param, ((Map<?, ?>) ((List<?>) r.json().get("errors")).get(0)).get("name"), r.body());
        });
        assertNull(search("limit=500").get("next"));
        for (String hostile : List.of("genre=%00", "tag=%00%01", "q=%00abc", "genre=%C0%80", "language=en%00", "codec=%00")) {
            int status = api.get("/api/v1/streams?" + hostile, null).status();
            assertTrue(status == 200 || status == 400, hostile + " -> " + status);
        }
    }

    @Test
    void pagesSplicedFromPreRenderedEntriesAreByteForByteWhatSerialisingThemGives() throws Exception {
        for (String q : List.of("limit=2", "limit=50", "q=nothing-matches-this", "genre=rock&order=name")) {
            CatalogPage page = catalog.search(StreamQuery.from(io.micronaut.http.HttpRequest.GET("/?" + q).getParameters()));
            assertNotNull(page.itemsJson(), "the index pre-renders entries");
            String spliced = new String(controller.render(page), java.nio.charset.StandardCharsets.UTF_8);
            String serialised = new String(json.writeValueAsBytes(new StreamsController.Page(page.items(), page.total(),
                    page.next())), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(serialised, spliced, q);
        }
    }
}
