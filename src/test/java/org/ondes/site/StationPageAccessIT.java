package org.ondes.site;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.testkit.CookieClient;
import org.ondes.testkit.FakeIcecastMount;
import org.ondes.testkit.ListedStream;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.TestDb;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ondes.testkit.CookieClient.form;

/**
 * Who reaches a station's page: an unlisted station by its link (marked noindex, in no list), a station hidden by a
 * moderator nobody; and the page's report form, anonymous or signed in, limited per address.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StationPageAccessIT implements TestPropertyProvider {
    @Inject
    EmbeddedServer server;
    String base;
    OndesApi api;
    FakeIcecastMount mount;
    OndesApi.User admin;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(TestDb.properties());
        p.put("ondes.limits.reports-per-hour", "2");
        p.put("ondes.trusted-proxies", "127.0.0.1");
        return p;
    }

    @BeforeAll
    void start() throws Exception {
        base = "http://127.0.0.1:" + server.getPort();
        api = new OndesApi(base);
        mount = new FakeIcecastMount();
        admin = api.newUser();
    }

    @AfterAll
    void stop() throws Exception {
        mount.close();
    }

    private ListedStream station(OndesApi.User owner, String name) {
        return ListedStream.announce(api, owner, mount, name + " " + UUID.randomUUID().toString().substring(0, 8),
                "/" + UUID.randomUUID() + ".ogg");
    }

    @Test
    void anUnlistedStationsPageWorksByItsLinkAndAsksNotToBeIndexed() {
        OndesApi.User owner = api.newUser();
        ListedStream s = station(owner, "Secret Session");
        assertEquals(200, api.send("PATCH", "/api/v1/me/stations/" + s.stationId(), owner.bearer(), "{\"hidden\":true}").status());

        CookieClient.Page page = new CookieClient(base).get("/stations/" + s.stationId());
        assertEquals(200, page.status(), page.toString());
        assertEquals("noindex", page.header("X-Robots-Tag"));
        Document doc = Jsoup.parse(page.body());
        assertEquals("noindex", doc.select("meta[name=robots]").attr("content"));
        assertNotNull(doc.selectFirst("[data-unlisted]"));
        assertTrue(doc.select(".sources-list a").text().contains(s.listenUrl()), "it plays for whoever has the link");
        assertEquals(200, new CookieClient(base).get("/stations/" + s.stationId() + "/embed").status());
        assertEquals(200, api.get("/stations/" + s.stationId() + "/listen.pls", null).status());
        assertFalse(new CookieClient(base).get("/").body().contains(s.stationId()), "not on the home page");

        CookieClient.Page listed = new CookieClient(base).get("/stations/" + station(owner, "Public Session").stationId());
        assertNull(listed.header("X-Robots-Tag"));
        assertTrue(Jsoup.parse(listed.body()).select("meta[name=robots]").isEmpty());
    }

    @Test
    void aStationHiddenByAModeratorIsNotFoundEvenWhenItsOwnerUnlistedIt() {
        OndesApi.User owner = api.newUser();
        ListedStream s = station(owner, "Hidden Session");
        assertEquals(200, api.send("PATCH", "/api/v1/me/stations/" + s.stationId(), owner.bearer(), "{\"hidden\":true}").status());
        assertEquals(200, api.send("POST", "/api/v1/moderation/stations/" + s.stationId() + "/hide", admin.bearer(),
                "{\"reason\":\"spam\"}").status());
        assertEquals(404, new CookieClient(base).get("/stations/" + s.stationId()).status());
        assertEquals(404, new CookieClient(base).get("/stations/" + s.stationId() + "/embed").status());
        assertEquals(404, api.get("/api/v1/stations/" + s.stationId(), null).status());
        assertEquals(404, api.get("/stations/" + s.stationId() + "/listen.m3u", null).status());
        assertEquals(404, new CookieClient(base).postForm("/stations/" + s.stationId() + "/report",
                form("reason", "spam")).status());
    }

    @Test
    void listenersReportFromTheStationPageWithinTheirLimit() {
        ListedStream s = station(api.newUser(), "Reportable");
        String path = "/stations/" + s.stationId();
        CookieClient anonymous = new CookieClient(base);
        Document page = Jsoup.parse(anonymous.get(path).body());
        assertEquals(path + "/report", page.select("form[data-report-form]").attr("action"));
        assertEquals(5, page.select("form[data-report-form] input[type=radio][name=reason]").size());

        Map<String, String> client = Map.of("X-Forwarded-For", "203.0.113.41");
        CookieClient.Page sent = anonymous.postForm(path + "/report", form("reason", "broken_stream", "text", "Only silence"), client);
        assertEquals(303, sent.status(), sent.toString());
        assertEquals(path + "?reported=1#report", sent.location());
        assertNotNull(Jsoup.parse(anonymous.get(sent.location()).body()).selectFirst("[data-report-sent]"));

        CookieClient.Page noReason = anonymous.postForm(path + "/report", form("text", "<b>hi</b>"), client);
        assertEquals(400, noReason.status());
        Document refused = Jsoup.parse(noReason.body());
        assertEquals("Choose what is wrong with this station.", refused.select("[data-report-error]").text());
        assertEquals("<b>hi</b>", refused.select("#report-text").text(), "what was typed is shown again, as text");
        assertTrue(refused.selectFirst("section#report details").hasAttr("open"));

        CookieClient.Page limited = anonymous.postForm(path + "/report", form("reason", "spam"), client);
        assertEquals(429, limited.status(), limited.toString());
        assertNotNull(limited.header("Retry-After"));
        assertTrue(Jsoup.parse(limited.body()).select("[data-report-error]").text().startsWith("Too many reports from your address"));

        CookieClient.Page crossSite = new CookieClient(base).postForm(path + "/report", form("reason", "spam"),
                Map.of("Origin", "https://elsewhere.example", "X-Forwarded-For", "203.0.113.42"));
        assertEquals(403, crossSite.status(), "another site's page cannot file reports in a visitor's name");

        CookieClient signedIn = new CookieClient(base).signedUp("rep_" + UUID.randomUUID().toString().substring(0, 8));
        assertEquals(403, signedIn.postForm(path + "/report", form("reason", "spam")).status(), "a session needs its token");
        String token = Jsoup.parse(signedIn.get(path).body()).select("form[data-report-form] input[name=_csrf]").attr("value");
        assertFalse(token.isEmpty());
        assertEquals(303, signedIn.postForm(path + "/report", form("_csrf", token, "reason", "spam"),
                Map.of("X-Forwarded-For", "203.0.113.43")).status());
        assertEquals(2, ((java.util.List<?>) api.get("/api/v1/moderation/reports?state=all&limit=200", admin.bearer())
                .json().get("items")).stream().filter(r -> s.stationId().equals(((Map<?, ?>) r).get("stationId"))).count());
    }
}
