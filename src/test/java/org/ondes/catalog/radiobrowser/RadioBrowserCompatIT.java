package org.ondes.catalog.radiobrowser;

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

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ondes.catalog.radiobrowser.RbHttp.assertProblem;
import static org.ondes.catalog.radiobrowser.RbHttp.enc;
import static org.ondes.catalog.radiobrowser.RbHttp.maps;
import static org.ondes.catalog.radiobrowser.RbHttp.names;

/** The radio-browser-compatible API over real HTTP and a real PostgreSQL read model, as radio apps call it. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RadioBrowserCompatIT implements TestPropertyProvider {
    @Inject
    EmbeddedServer server;
    @Inject
    RbClicks clicks;
    TestDb.Schema db;
    OndesApi api;
    FakeIcecastMount mount;
    OndesApi.User user;
    final Map<String, String> sids = new LinkedHashMap<>();
    final Map<String, String> ids = new LinkedHashMap<>();
    RbHttp http;

    @Override
    public Map<String, String> getProperties() {
        db = TestDb.newSchema();
        return db.properties();
    }

    private void add(String name, String genre, String mountName, String type, String stype, int bitrate) {
        String body = "action=add&sn=" + IcecastWire.esc(name) + "&genre=" + IcecastWire.esc(genre) + "&cpswd=&desc="
                + IcecastWire.esc("All about " + name) + "&url=" + IcecastWire.esc("https://" + mountName.substring(1, 4) + ".example.net/")
                + "&listenurl=" + IcecastWire.esc(mount.url(mountName)) + "&type=" + IcecastWire.esc(type) + "&stype=" + stype
                + "&b=" + bitrate + "&\r\n";
        YpReplyHead r = YpReplyHead.parse(api.ypRaw(user.ypToken(), IcecastWire.raw(body)));
        assertTrue(r.ok(), r.raw());
        sids.put(mountName, r.sid());
    }

    private void touch(String mountName, int listeners) {
        assertTrue(YpReplyHead.parse(api.ypRaw(user.ypToken(), IcecastWire.touch(sids.get(mountName), "", listeners))).ok());
    }

    @BeforeAll
    void seed() throws Exception {
        api = new OndesApi(server.getPort());
        http = new RbHttp(server.getPort());
        mount = new FakeIcecastMount();
        user = api.newUser();
        add("Jazz Lounge", "jazz, lounge", "/jazz.mp3", "audio/mpeg", "", 128);
        add("Rock Alpha", "rock", "/alpha.ogg", "application/ogg", "Vorbis", 96);
        add("Techno Beta", "techno electronic", "/beta.aac", "audio/aac", "", 64);
        add("Rock Delta", "rock, live", "/delta.mp3", "audio/mpeg", "", 320);
        for (String m : sids.keySet()) {
            Map<String, Object> e = api.awaitListed(mount.url(m), x -> true);
            ids.put((String) e.get("name"), (String) e.get("id"));
        }
        touch("/jazz.mp3", 8);
        touch("/alpha.ogg", 20);
        touch("/beta.aac", 1);
        touch("/delta.mp3", 7);
        api.awaitListed(mount.url("/alpha.ogg"), e -> ((Number) e.get("listeners")).intValue() == 20);
        api.awaitListed(mount.url("/jazz.mp3"), e -> ((Number) e.get("listeners")).intValue() == 8);
        api.awaitListed(mount.url("/delta.mp3"), e -> ((Number) e.get("listeners")).intValue() == 7);
        api.awaitListed(mount.url("/beta.aac"), e -> ((Number) e.get("listeners")).intValue() == 1);
    }

    @AfterAll
    void stop() throws Exception {
        mount.close();
    }

    private List<Map<String, Object>> stations(String path) {
        OndesApi.Response r = api.get(path, null);
        assertEquals(200, r.status(), path + " -> " + r.body());
        return maps(r.jsonList());
    }

    private List<String> search(String query) {
        return names(stations("/json/stations/search?" + query));
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body) {
        return http.send(method, path, contentType, body);
    }

    @Test
    void searchFiltersUseRadioBrowserParameterNames() {
        assertEquals(List.of("Jazz Lounge", "Rock Alpha", "Rock Delta", "Techno Beta"), search(""), "default order is name");
        assertEquals(List.of("Rock Alpha", "Rock Delta"), search("name=rock"));
        assertEquals(List.of("Jazz Lounge"), search("name=lou"), "name words match by prefix");
        assertEquals(List.of("Rock Alpha", "Rock Delta"), search("tag=Rock"));
        assertEquals(List.of("Rock Delta"), search("tagList=" + enc("rock, live")), "every tag of tagList must match");
        assertEquals(List.of("Rock Delta"), search("tag=live&tagList=rock"));
        assertEquals(List.of("Rock Alpha"), search("codec=vorbis"));
        assertEquals(List.of("Jazz Lounge", "Rock Delta"), search("codec=MP3"));
        assertEquals(List.of("Jazz Lounge", "Rock Delta"), search("bitrateMin=128"));
        assertEquals(List.of("Rock Alpha", "Techno Beta"), search("bitrateMax=100"));
        assertEquals(List.of("Jazz Lounge", "Rock Alpha"), search("bitrateMin=90&bitrateMax=200&hidebroken=true"));
        assertEquals(List.of(), search("codec=wma"), "a codec no live station has");
        assertEquals(List.of(), search("country=Germany"), "Ondes stations have no country name");
        assertEquals(List.of(), search("bitrateMin=300&bitrateMax=100"));
        assertEquals(4, search("limit=100000&bitrateMax=1000000").size(), "radio-browser's defaults sent explicitly");
    }

    @Test
    void ordersReverseOffsetAndLimitPageLikeRadioBrowser() {
        assertEquals(List.of("Techno Beta", "Rock Delta", "Rock Alpha", "Jazz Lounge"), search("reverse=true"));
        assertEquals(List.of("Techno Beta", "Rock Alpha", "Jazz Lounge", "Rock Delta"), search("order=bitrate"));
        assertEquals(List.of("Rock Delta", "Jazz Lounge", "Rock Alpha", "Techno Beta"), search("order=bitrate&reverse=true"));
        assertEquals(List.of("Rock Alpha", "Jazz Lounge", "Rock Delta", "Techno Beta"), search("order=clickcount&reverse=true"),
                "popularity orders rank by listeners");
        assertEquals(search(""), search("order=tags"), "orders Ondes cannot apply fall back to name");
        assertEquals(4, search("order=random").size());
        assertEquals(List.of("Jazz Lounge", "Rock Alpha"), search("limit=2"));
        assertEquals(List.of("Rock Delta", "Techno Beta"), search("limit=2&offset=2"));
        assertEquals(List.of("Techno Beta"), search("limit=2&offset=3"));
        assertEquals(List.of(), search("offset=4"));
        assertEquals(List.of(), search("limit=0"));
    }

    @Test
    void postTakesFormAndJsonBodiesAndTheBodyWinsOverTheQuery() {
        HttpResponse<String> form = send("POST", "/json/stations/search?tag=jazz", "application/x-www-form-urlencoded",
                "tag=rock&order=bitrate&reverse=true");
        assertEquals(200, form.statusCode(), form.body());
        assertEquals(List.of("Rock Delta", "Rock Alpha"), names(form));
        HttpResponse<String> json = send("POST", "/json/stations/search", "application/json",
                "{\"tagList\":[\"rock\",\"live\"],\"limit\":10,\"reverse\":false,\"hidebroken\":true}");
        assertEquals(200, json.statusCode(), json.body());
        assertEquals(List.of("Rock Delta"), names(json));
        HttpResponse<String> empty = send("POST", "/json/stations/search?name=techno", null, null);
        assertEquals(List.of("Techno Beta"), names(empty));
    }

    @Test
    void stationObjectsHaveRadioBrowserFieldsAndJsonTypes() {
        Map<String, Object> s = stations("/json/stations/search?name=delta").get(0);
        List<String> strings = List.of("changeuuid", "stationuuid", "name", "url", "url_resolved", "homepage", "favicon",
                "tags", "country", "countrycode", "state", "language", "languagecodes", "lastchangetime",
                "lastchangetime_iso8601", "codec", "lastchecktime", "lastchecktime_iso8601", "lastcheckoktime",
                "lastcheckoktime_iso8601", "lastlocalchecktime", "lastlocalchecktime_iso8601", "clicktimestamp");
        List<String> numbers = List.of("votes", "bitrate", "hls", "lastcheckok", "clickcount", "clicktrend", "ssl_error");
        List<String> nulls = List.of("serveruuid", "iso_3166_2", "geo_lat", "geo_long", "geo_distance");
        strings.forEach(f -> assertInstanceOf(String.class, s.get(f), f));
        numbers.forEach(f -> assertInstanceOf(Integer.class, s.get(f), f));
        nulls.forEach(f -> assertTrue(s.containsKey(f) && s.get(f) == null, f));
        assertEquals(Boolean.FALSE, s.get("has_extended_info"));
        assertEquals(strings.size() + numbers.size() + nulls.size() + 2, s.size(), "no extra fields: " + s.keySet());
        assertEquals(ids.get("Rock Delta"), s.get("stationuuid"));
        assertEquals(mount.url("/delta.mp3"), s.get("url"));
        assertEquals(s.get("url"), s.get("url_resolved"));
        assertEquals("https://del.example.net/", s.get("homepage"));
        assertEquals("rock,live", s.get("tags"));
        assertEquals("MP3", s.get("codec"));
        assertEquals(320, s.get("bitrate"));
        assertEquals(1, s.get("lastcheckok"));
        assertTrue(((String) s.get("lastchecktime")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"), s.toString());
        assertTrue(((String) s.get("lastchecktime_iso8601")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), s.toString());
        assertEquals(((String) s.get("lastchecktime")).replace(' ', 'T') + "Z", s.get("lastchecktime_iso8601"));
    }

    @Test
    void byUuidReturnsLiveStationsInTheOrderAsked() {
        String jazz = ids.get("Jazz Lounge");
        String rock = ids.get("Rock Alpha");
        String unknown = "00000000-0000-4000-8000-000000000000";
        assertEquals(List.of("Rock Alpha", "Jazz Lounge"), names(stations("/json/stations/byuuid/" + rock + "," + jazz + "," + unknown)));
        assertEquals(List.of("Jazz Lounge"), names(stations("/json/stations/byuuid?uuids=" + jazz.toUpperCase())));
        HttpResponse<String> post = send("POST", "/json/stations/byuuid", "application/x-www-form-urlencoded", "uuids=" + rock);
        assertEquals(List.of("Rock Alpha"), names(post));
        assertEquals(List.of(), names(stations("/json/stations/byuuid/" + unknown)));
        assertProblem(api.get("/json/stations/byuuid/not-a-uuid", null), 400, "uuids");
        assertProblem(api.get("/json/stations/byuuid?uuids=" + jazz + ",1-2-3-4-5", null), 400, "uuids");
        assertProblem(api.get("/json/stations/byuuid", null), 400, "uuids");
    }

    @Test
    void urlCountsOneClickPerAddressStationAndDay() {
        String beta = ids.get("Techno Beta");
        Map<String, Object> before = api.get("/json/stats", null).json();
        OndesApi.Response first = api.get("/json/url/" + beta, null);
        assertEquals(200, first.status(), first.body());
        assertEquals(Map.of("ok", true, "message", "retrieved station url", "stationuuid", beta, "name", "Techno Beta",
                "url", mount.url("/beta.aac")), first.json());
        Map<String, Object> after = stations("/json/stations/byuuid/" + beta).get(0);
        assertEquals(1, after.get("clickcount"));
        assertFalse(((String) after.get("clicktimestamp")).isEmpty());
        assertInstanceOf(String.class, after.get("clicktimestamp_iso8601"));
        assertEquals(200, api.get("/json/url/" + beta.toUpperCase(), null).status());
        assertEquals(1, stations("/json/stations/byuuid/" + beta).get(0).get("clickcount"), "same address, same day");
        Map<String, Object> stats = api.get("/json/stats", null).json();
        assertEquals(((Number) before.get("clicks_last_hour")).intValue() + 1, stats.get("clicks_last_hour"));
        assertEquals(((Number) before.get("clicks_last_day")).intValue() + 1, stats.get("clicks_last_day"));
        assertEquals(0, stations("/json/stations/byuuid/" + ids.get("Jazz Lounge")).get(0).get("clickcount"));
        assertEquals("", stations("/json/stations/byuuid/" + ids.get("Jazz Lounge")).get(0).get("clicktimestamp"));
        assertProblem(api.get("/json/url/00000000-0000-4000-8000-000000000000", null), 404, "stationuuid");
        assertProblem(api.get("/json/url/zzz", null), 400, "stationuuid");
    }

    @Test
    void clicksKeepNoAddressAndOldClicksAndSaltsArePurged() throws Exception {
        String rock = ids.get("Rock Alpha");
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO rb_click_salts (day, salt) VALUES (current_date - 3, '\\x01')");
            st.execute("INSERT INTO rb_clicks (station_id, day, client, clicked_at) VALUES ('" + rock
                    + "', current_date - 3, '\\x02', now() - interval '3 days')");
            st.execute("INSERT INTO rb_clicks (station_id, day, client, clicked_at) VALUES ('" + rock
                    + "', current_date, '\\x03', now() - interval '1 hour')");
            assertEquals(1, clicks.purgeNow());
            assertEquals(1, count(st, "SELECT count(*) FROM rb_clicks WHERE station_id = '" + rock + "'"));
            assertEquals(0, count(st, "SELECT count(*) FROM rb_click_salts WHERE day < current_date"));
            assertEquals(200, api.get("/json/url/" + rock, null).status());
            assertEquals(0, count(st, "SELECT count(*) FROM rb_clicks WHERE octet_length(client) <> 32 AND client <> '\\x03'"),
                    "clients are 32-byte hashes, never addresses");
        }
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void tagsAndCodecsAreNameAndStationcountObjects() {
        List<Map<String, Object>> tags = maps(api.get("/json/tags", null).jsonList());
        assertEquals(List.of("electronic", "jazz", "live", "lounge", "rock", "techno"), names(tags));
        tags.forEach(t -> assertInstanceOf(Integer.class, t.get("stationcount")));
        assertEquals(Map.of("name", "rock", "stationcount", 2),
                maps(api.get("/json/tags?order=stationcount&reverse=true&limit=1", null).jsonList()).get(0));
        assertEquals(List.of("live", "lounge"), names(maps(api.get("/json/tags?offset=2&limit=2", null).jsonList())));
        List<Object> codecs = api.get("/json/codecs", null).jsonList();
        assertTrue(codecs.contains(Map.of("name", "MP3", "stationcount", 2)), String.valueOf(codecs));
        assertTrue(codecs.contains(Map.of("name", "Vorbis", "stationcount", 1)), String.valueOf(codecs));
        assertProblem(api.get("/json/tags?order=votes", null), 400, "order");
    }

    @Test
    void statsAndConfigHaveRadioBrowserShapes() {
        Map<String, Object> stats = api.get("/json/stats", null).json();
        assertEquals(1, stats.get("supported_version"));
        assertInstanceOf(String.class, stats.get("software_version"));
        assertEquals("OK", stats.get("status"));
        assertEquals(4, stats.get("stations"));
        assertEquals(0, stats.get("stations_broken"));
        assertEquals(6, stats.get("tags"));
        assertInstanceOf(Integer.class, stats.get("clicks_last_hour"));
        assertInstanceOf(Integer.class, stats.get("clicks_last_day"));
        assertEquals(0, stats.get("languages"));
        assertEquals(0, stats.get("countries"));
        assertEquals(10, stats.size(), stats.keySet().toString());
        Map<String, Object> config = api.get("/json/config", null).json();
        assertEquals(Boolean.TRUE, config.get("check_enabled"));
        assertEquals(Boolean.FALSE, config.get("prometheus_exporter_enabled"));
        assertEquals(List.of(), config.get("pull_servers"));
        assertEquals(86400, config.get("click_valid_timeout_seconds"));
        assertInstanceOf(Integer.class, config.get("tcp_timeout_seconds"));
        assertInstanceOf(Integer.class, config.get("clicks_timeout_seconds"));
        assertEquals("localhost", config.get("server_name"));
        assertEquals("", config.get("server_location"));
        assertEquals("", config.get("server_country_code"));
    }
}
