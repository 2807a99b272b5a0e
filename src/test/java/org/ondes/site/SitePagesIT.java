package org.ondes.site;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.testkit.Await;
import org.ondes.testkit.FakeIcecastMount;
import org.ondes.testkit.IcecastWire;
import org.ondes.testkit.ListedStream;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.TestDb;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The listener pages as a browser without JavaScript, a search engine or a link preview gets them: meaningful HTML,
 * absolute OpenGraph URLs from ONDES_PUBLIC_URL, security headers, no inline script, HTML errors, and cache headers
 * of the static files.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SitePagesIT implements TestPropertyProvider {
    static final String PUBLIC_URL = "https://ondes.example.net";
    private final HttpClient http = HttpClient.newHttpClient();
    @Inject
    EmbeddedServer server;
    @Inject
    StaticAssets assets;
    OndesApi api;
    OndesApi.User user;
    FakeIcecastMount mount;
    ListedStream jazz;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(TestDb.properties());
        p.put("ondes.public-url", PUBLIC_URL);
        return p;
    }

    @BeforeAll
    void seed() throws Exception {
        api = new OndesApi(server.getPort());
        mount = new FakeIcecastMount();
        user = api.newUser();
        String url = mount.url("/jazz.mp3");
        jazz = ListedStream.announce(api, user, url, IcecastWire.add("Late Night Jazz", "jazz, blues", url, "audio/mpeg", "", "128"));
        jazz.touch(api, user, "Nina Simone - Feeling Good", 7);
        api.awaitListed(url, e -> "Nina Simone - Feeling Good".equals(e.get("currentSong")));
    }

    @Test
    void homeListsWhatIsLiveAsPlainHtmlWithPreviewTags() throws Exception {
        HttpResponse<String> r = get("/");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), r.headers().toString());
        Document doc = Jsoup.parse(r.body());
        assertEquals("Live now · Ondes", doc.title());
        assertEquals(PUBLIC_URL + "/", doc.select("meta[property=og:url]").attr("content"));
        assertEquals(PUBLIC_URL + "/", doc.select("link[rel=canonical]").attr("href"));
        assertFalse(doc.select("meta[name=description]").attr("content").isBlank());
        assertEquals("summary", doc.select("meta[name=twitter:card]").attr("content"));
        var card = doc.selectFirst("main [data-station-id=" + jazz.stationId() + "]");
        assertNotNull(card, doc.select("main").text());
        assertEquals("Late Night Jazz", card.select(".card-title a").text());
        assertEquals("/stations/" + jazz.stationId(), card.select(".card-title a").attr("href"));
        assertEquals("Nina Simone - Feeling Good", card.select("[data-now-playing]").text());
        assertEquals("MP3 · 128 kbit/s", card.select(".facts .fact").first().text());
        assertTrue(card.text().contains("7 listeners (as reported by the station's server)"), card.text());
        assertEquals("/stations/" + jazz.stationId() + "/listen.m3u", card.select("[data-badge-ext] a").first().attr("href"));
        var chips = doc.select("nav.genre-filter .chip").eachText();
        assertTrue(chips.contains("jazz") && chips.contains("blues"), "a chip per live genre: " + chips);
    }

    @Test
    void pagesSendSecurityHeadersAndCarryNoInlineScript() throws Exception {
        for (String path : new String[]{"/", "/stations/" + jazz.stationId(), "/stations/" + jazz.stationId() + "/embed"}) {
            HttpResponse<String> r = get(path);
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), path + ": " + csp);
            assertTrue(csp.contains("media-src http: https:") && csp.contains("connect-src 'self'"), path + ": " + csp);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), path);
            assertEquals("strict-origin-when-cross-origin", r.headers().firstValue("Referrer-Policy").orElse(null), path);
            Document doc = Jsoup.parse(r.body());
            assertTrue(doc.select("script:not([src])").isEmpty(), path + " has an inline script");
            assertTrue(doc.select("[style]").isEmpty() && doc.select("style").isEmpty(), path + " has inline styles");
        }
        HttpResponse<String> page = get("/stations/" + jazz.stationId());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow().contains("frame-ancestors 'none'"));
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(null));
        HttpResponse<String> embed = get("/stations/" + jazz.stationId() + "/embed");
        assertTrue(embed.headers().firstValue("Content-Security-Policy").orElseThrow().contains("frame-ancestors *"));
        assertTrue(embed.headers().firstValue("X-Frame-Options").isEmpty(), "the embed page must be frameable");
    }

    @Test
    void stationPageShowsProfileListenUrlsPlaylistsAndEmbedSnippet() throws Exception {
        Document doc = Jsoup.parse(get("/stations/" + jazz.stationId()).body());
        assertEquals("Late Night Jazz · Ondes", doc.title());
        assertEquals(PUBLIC_URL + "/stations/" + jazz.stationId(), doc.select("meta[property=og:url]").attr("content"));
        assertEquals("music.radio_station", doc.select("meta[property=og:type]").attr("content"));
        assertEquals("On air", doc.select("#live-heading").text());
        assertEquals(jazz.listenUrl(), doc.select(".sources-list a.url").text());
        assertEquals("/stations/" + jazz.stationId() + "/listen.xspf", doc.select(".playlists a").last().attr("href"));
        String snippet = doc.select("#embed-snippet").text();
        assertTrue(snippet.startsWith("<iframe src=\"" + PUBLIC_URL + "/stations/" + jazz.stationId() + "/embed\""), snippet);
        assertEquals("Nina Simone - Feeling Good", doc.select("[data-recent-songs] li span").first().text());
        assertTrue(doc.select("a[href^=http://example.org]").attr("rel").contains("nofollow"), "homepage link");

        String handle = (String) api.get("/api/v1/stations/" + jazz.stationId(), null).json().get("handle");
        assertEquals("@late_night_jazz@ondes.example.net", handle, "the host of ONDES_PUBLIC_URL");
        assertEquals("Follow on the fediverse: " + handle + " Copy", doc.select("[data-fediverse] .copy-row").text());
        assertEquals(handle, doc.select("code#fediverse-handle[data-fediverse-handle]").text(),
                "plain text: selectable and copyable without JavaScript");
        assertTrue(doc.select("[data-fediverse] button[data-copy=fediverse-handle]").hasAttr("hidden"),
                "the button shows only once the script can make it work");
        assertTrue(doc.select("[data-fediverse] .hint").text().startsWith("Paste it into Mastodon's search"));
    }

    @Test
    void offlineStationStillHasItsPageAndUnknownOnesAnswerAnHtml404() throws Exception {
        String url = mount.url("/gone.ogg");
        ListedStream gone = ListedStream.announce(api, user, url, IcecastWire.add("Gone Radio", "ambient", url));
        assertTrue(gone.remove(api, user).ok());
        Await.until(Duration.ofSeconds(10), () -> api.listedStream(url), m -> m == null, () -> "still listed");
        HttpResponse<String> r = get("/stations/" + gone.stationId());
        assertEquals(200, r.statusCode());
        Document doc = Jsoup.parse(r.body());
        assertEquals("Gone Radio", doc.select("h1").text());
        assertEquals("Not live now", doc.select("#live-heading").text());
        for (String path : new String[]{"/stations/00000000-0000-0000-0000-000000000000", "/stations/nope"}) {
            HttpResponse<String> missing = get(path);
            assertEquals(404, missing.statusCode(), path);
            assertTrue(missing.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
            assertEquals("Station not found", Jsoup.parse(missing.body()).select("h1").text(), path);
        }
    }

    @Test
    void aSearchTheCatalogRefusesIsExplainedOnThePage() throws Exception {
        HttpResponse<String> r = get("/?bitrateMin=lots");
        assertEquals(400, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        Document doc = Jsoup.parse(r.body());
        assertEquals("bitrateMin: must be a whole number", doc.select("[role=alert]").text());
        assertTrue(doc.select(".cards .card").isEmpty(), "a refused search shows no results");
        assertEquals("Search not understood", doc.select("#results-heading").text());
    }

    @Test
    void genreChipsAndFiltersNarrowTheListWithoutJavaScript() throws Exception {
        String url = mount.url("/dub.ogg");
        ListedStream.announce(api, user, url, IcecastWire.add("Dub Station", "dub", url));
        Document dub = Jsoup.parse(get("/?genre=dub").body());
        assertEquals("Dub Station", dub.select(".cards .card-title").text());
        assertEquals("true", dub.select("nav.genre-filter a.active").attr("aria-current"));
        assertEquals("/", dub.select("nav.genre-filter a.active").attr("href"), "a selected chip's link removes it");
        Document mp3 = Jsoup.parse(get("/?codec=MP3").body());
        assertEquals("Late Night Jazz", mp3.select(".cards .card-title").text());
        Document text = Jsoup.parse(get("/?q=feeling").body());
        assertEquals("Late Night Jazz", text.select(".cards .card-title").text());
    }

    @Test
    void staticFilesAreCachedForAYearOnlyUnderTheCurrentVersion() throws Exception {
        HttpResponse<String> versioned = get(assets.url("css/ondes.css"));
        assertEquals(200, versioned.statusCode());
        assertEquals(StaticAssetsFilter.IMMUTABLE, versioned.headers().firstValue("Cache-Control").orElse(null));
        HttpResponse<String> module = get("/static/js/player.js");
        assertEquals(200, module.statusCode());
        assertTrue(module.headers().firstValue("Content-Type").orElse("").contains("javascript"), module.headers().toString());
        assertEquals(StaticAssetsFilter.REVALIDATE, module.headers().firstValue("Cache-Control").orElse(null));
        String etag = module.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = http.send(HttpRequest.newBuilder(uri("/static/js/player.js"))
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(304, again.statusCode());
        assertEquals(404, get("/static/js/nothing.js").statusCode());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getPort() + path);
    }
}
