package org.ondes.site.moderation;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.testkit.Await;
import org.ondes.testkit.CookieClient;
import org.ondes.testkit.FakeIcecastMount;
import org.ondes.testkit.IcecastWire;
import org.ondes.testkit.ListedStream;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.TestDb;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ondes.testkit.CookieClient.form;

/**
 * The moderation page over plain HTTP: only moderators and admins get it, its forms hide and unhide stations and
 * suspend and unsuspend accounts through the moderation facade (listeners and owners notice at once), refusals are
 * explained on the page, and every form needs its CSRF field.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModerationPagesIT implements TestPropertyProvider {
    @Inject
    EmbeddedServer server;
    String base;
    OndesApi api;
    FakeIcecastMount mount;
    CookieClient admin;
    CookieClient moderator;
    String moderatorName;

    @Override
    public Map<String, String> getProperties() {
        return TestDb.properties();
    }

    @BeforeAll
    void start() throws Exception {
        base = "http://127.0.0.1:" + server.getPort();
        api = new OndesApi(base);
        mount = new FakeIcecastMount();
        admin = new CookieClient(base).signedUp("root_" + suffix()); // the first account: admin
        moderatorName = "mod_" + suffix();
        moderator = new CookieClient(base).signedUp(moderatorName);
        CookieClient.Page promoted = admin.json("PUT", "/api/v1/admin/users/" + moderatorName + "/role",
                "{\"role\":\"moderator\"}", Map.of("X-CSRF-Token", admin.csrf()));
        assertEquals(200, promoted.status(), promoted.toString());
    }

    @AfterAll
    void stop() throws Exception {
        mount.close();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** A streamer (signed in with a cookie too) with one listed station. */
    private record Owner(String name, CookieClient browser, ListedStream station) {
    }

    private Owner owner(String stationName) {
        OndesApi.User user = api.newUser();
        String url = mount.url("/" + suffix() + ".mp3");
        ListedStream station = ListedStream.announce(api, user, url, IcecastWire.add(stationName, "rock", url, "audio/mpeg", "", "128"));
        CookieClient browser = new CookieClient(base);
        assertEquals(303, browser.signIn(user.username(), CookieClient.PASSWORD).status());
        return new Owner(user.username(), browser, station);
    }

    @Test
    void onlyModeratorsAndAdminsGetTheModerationPage() {
        assertEquals("/signin?next=/moderation", new CookieClient(base).get("/moderation").location());
        Owner user = owner("Ordinary Radio");
        CookieClient.Page refused = user.browser().get("/moderation");
        assertEquals(403, refused.status(), refused.toString());
        assertTrue(String.valueOf(refused.header("Content-Type")).startsWith("text/html"));
        assertEquals("Not allowed", Jsoup.parse(refused.body()).select("main h1").text());
        assertTrue(Jsoup.parse(refused.body()).select(".site-nav a[href=/moderation]").isEmpty(), "no link to it either");

        CookieClient.Page hide = user.browser().postForm("/moderation/stations/hide", form("_csrf", user.browser().csrf(),
                "station", user.station().stationId(), "reason", "mine now"));
        assertEquals(403, hide.status(), hide.toString());
        assertNotNull(api.listedStream(user.station().listenUrl()), "a refused hide changes nothing");

        for (CookieClient staff : new CookieClient[]{admin, moderator}) {
            CookieClient.Page page = staff.get("/moderation");
            assertEquals(200, page.status(), page.toString());
            Document doc = Jsoup.parse(page.body());
            assertEquals("Moderation", doc.select(".site-nav a[href=/moderation]").text());
            assertNotNull(doc.selectFirst("#reports-heading"), "room for reports");
            assertNotNull(doc.selectFirst("#log-heading"), "room for the moderation log");
        }
    }

    @Test
    void aModeratorHidesAndUnhidesAStationFromTheList() {
        Owner owner = owner("Loud Station");
        String id = owner.station().stationId();
        Element row = Jsoup.parse(moderator.get("/moderation").body()).selectFirst("li[data-station-id=" + id + "]");
        assertNotNull(row, "the station is in the list");
        assertEquals("Live", row.select("[data-mod-status]").text());
        Element hideForm = row.selectFirst("form[action=/moderation/stations/hide]");

        CookieClient.Page hidden = moderator.postForm(hideForm.attr("action"), form("_csrf",
                hideForm.select("input[name=_csrf]").attr("value"), "station", id, "reason", "spam <i>links</i>"));
        assertEquals(303, hidden.status(), hidden.toString());
        assertEquals("/moderation?done=hidden#stations-heading", hidden.location());
        Await.until(Duration.ofSeconds(10), () -> api.listedStream(owner.station().listenUrl()), m -> m == null,
                () -> "still listed");
        CookieClient.Page publicPage = new CookieClient(base).get("/stations/" + id);
        assertEquals(404, publicPage.status());
        assertTrue(Jsoup.parse(publicPage.body()).select("main").text().contains("not available"));

        Document page = Jsoup.parse(moderator.get(hidden.location()).body());
        assertTrue(page.select("[role=status]").text().startsWith("The station is hidden"));
        Element listedHidden = page.selectFirst("[data-hidden-stations] li[data-station-id=" + id + "]");
        assertEquals("Hidden by " + moderatorName, listedHidden.select("[data-mod-status]").text());
        assertTrue(listedHidden.text().contains("Reason: spam <i>links</i>"), listedHidden.text());

        Element station = Jsoup.parse(owner.browser().get("/me").body()).selectFirst("[data-my-station=" + id + "]");
        assertEquals("Hidden by a moderator: spam <i>links</i> Listeners do not see this station.",
                station.select("[data-hidden-note]").text());
        assertEquals("hidden", station.select("[data-session-id]").attr("data-state"));

        CookieClient.Page unhidden = moderator.postForm("/moderation/stations/unhide",
                form("_csrf", moderator.csrf(), "station", id, "reason", ""));
        assertEquals("/moderation?done=unhidden#stations-heading", unhidden.location());
        api.awaitListed(owner.station().listenUrl(), e -> true);
    }

    @Test
    void aStationCanBeNamedByThePageAddressAndRefusalsAreExplained() {
        Owner owner = owner("Addressed Radio");
        String address = base + "/stations/" + owner.station().stationId();
        CookieClient.Page noReason = moderator.postForm("/moderation/stations/hide",
                form("_csrf", moderator.csrf(), "station", address, "reason", "  "));
        assertEquals(400, noReason.status(), noReason.toString());
        Document doc = Jsoup.parse(noReason.body());
        assertEquals("Reason is required: say why (the owner sees it).", doc.select("#stations-error[role=alert]").text());
        assertEquals(address, doc.select("#hide-station").attr("value"), "what was typed stays in the form");
        assertTrue(doc.select("#hide-station").attr("aria-describedby").contains("stations-error"));
        assertNotNull(api.listedStream(owner.station().listenUrl()));

        CookieClient.Page unknown = moderator.postForm("/moderation/stations/hide",
                form("_csrf", moderator.csrf(), "station", "not a station", "reason", "x"));
        assertEquals(400, unknown.status());
        assertTrue(Jsoup.parse(unknown.body()).select("#stations-error").text().startsWith("Station must be the station's id"));

        assertEquals(303, moderator.postForm("/moderation/stations/hide",
                form("_csrf", moderator.csrf(), "station", address, "reason", "off-topic")).status());
        Await.until(Duration.ofSeconds(10), () -> api.listedStream(owner.station().listenUrl()), m -> m == null,
                () -> "still listed");
    }

    @Test
    void aModeratorSuspendsAndUnsuspendsAnAccountButNotAnAdmin() {
        Owner owner = owner("Suspended Sounds");
        CookieClient.Page suspended = moderator.postForm("/moderation/users/suspend",
                form("_csrf", moderator.csrf(), "username", owner.name(), "reason", "ban evasion"));
        assertEquals("/moderation?done=suspended#accounts-heading", suspended.location());
        assertEquals("/signin?next=/me", owner.browser().get("/me").location(), "its browser sessions ended");
        Await.until(Duration.ofSeconds(10), () -> api.listedStream(owner.station().listenUrl()), m -> m == null,
                () -> "still listed");
        Element row = Jsoup.parse(moderator.get("/moderation").body())
                .selectFirst("[data-suspended-users] li[data-username=" + owner.name() + "]");
        assertTrue(row.text().contains("Reason: ban evasion") && row.text().contains("by " + moderatorName), row.text());

        assertEquals("/moderation?done=unsuspended#accounts-heading", moderator.postForm("/moderation/users/unsuspend",
                form("_csrf", moderator.csrf(), "username", owner.name(), "reason", "")).location());
        assertNull(Jsoup.parse(moderator.get("/moderation").body())
                .selectFirst("[data-suspended-users] li[data-username=" + owner.name() + "]"));

        String adminName = Jsoup.parse(admin.get("/").body()).select("[data-account-name]").text();
        CookieClient.Page refused = moderator.postForm("/moderation/users/suspend",
                form("_csrf", moderator.csrf(), "username", adminName, "reason", "coup"));
        assertEquals(403, refused.status(), refused.toString());
        Document doc = Jsoup.parse(refused.body());
        assertTrue(doc.select("#accounts-error").text().startsWith("A moderator cannot suspend an admin"), doc.select("main").text());
        assertEquals(adminName, doc.select("#suspend-username").attr("value"));
    }

    @Test
    void aModeratorCreatesAndDeletesABanRuleFromThePage() {
        Document page = Jsoup.parse(moderator.get("/moderation").body());
        Element banForm = page.selectFirst("form[data-ban-form]");
        assertEquals("/moderation/bans", banForm.attr("action"));

        CookieClient.Page invalid = moderator.postForm("/moderation/bans", form("_csrf", moderator.csrf(), "kind", "name",
                "syntax", "regex", "value", "([unclosed", "reason", "scam"));
        assertEquals(400, invalid.status(), invalid.toString());
        Document refused = Jsoup.parse(invalid.body());
        assertTrue(refused.select("#bans-error[role=alert]").text().startsWith("Value is not a valid regular expression"),
                refused.select("#bans-error").text());
        assertEquals("([unclosed", refused.select("#ban-value").attr("value"), "what was typed stays in the form");
        assertEquals("regex", refused.select("#ban-syntax option[selected]").attr("value"));
        assertEquals("name", refused.select("#ban-kind option[selected]").attr("value"));

        CookieClient.Page created = moderator.postForm("/moderation/bans", form("_csrf", moderator.csrf(), "kind", "host",
                "value", "localhost", "syntax", "glob", "reason", "Local test streams"));
        assertEquals(303, created.status(), created.toString());
        assertEquals("/moderation?done=banned&ended=0#bans-heading", created.location());
        Document after = Jsoup.parse(moderator.get(created.location()).body());
        assertTrue(after.select("[role=status]").text().endsWith("It ended 0 live streams now."), after.select("[role=status]").text());
        Element rule = after.select("[data-ban-rules] li").stream()
                .filter(li -> li.select("[data-ban-rule]").text().equals("Listen-URL host localhost")).findFirst().orElseThrow();
        assertTrue(rule.text().contains("Reason: Local test streams"), rule.text());
        assertTrue(rule.text().contains("By " + moderatorName), rule.text());

        CookieClient.Page deleted = moderator.postForm(rule.selectFirst("form").attr("action"), form("_csrf", moderator.csrf()));
        assertEquals("/moderation?done=unbanned#bans-heading", deleted.location());
        assertTrue(Jsoup.parse(moderator.get("/moderation").body()).select("[data-ban-rule]").stream()
                .noneMatch(e -> e.text().equals("Listen-URL host localhost")));
    }

    @Test
    void openReportsAreListedWithTheirStationAndClosedFromThePage() {
        Owner owner = owner("Reported Radio");
        String id = owner.station().stationId();
        for (String json : new String[]{"{\"reason\":\"abusive_metadata\",\"text\":\"<b>rude</b> title\"}",
                "{\"reason\":\"spam\"}"}) {
            assertEquals(201, api.send("POST", "/api/v1/stations/" + id + "/reports", null, json).status());
        }
        Document page = Jsoup.parse(moderator.get("/moderation").body());
        List<Element> reports = page.select("[data-open-reports] li[data-station-id=" + id + "]");
        assertEquals(2, reports.size(), page.select("[data-open-reports]").outerHtml());
        Element abusive = reports.stream().filter(li -> li.select("[data-report-reason]").text()
                .equals("Abusive name, title or description")).findFirst().orElseThrow();
        assertEquals("<b>rude</b> title", abusive.select("[data-report-text]").text(), "shown as text, never as markup");
        assertTrue(abusive.select("[data-report-text] b").isEmpty());
        assertEquals("· 2 open reports for this station", abusive.select("[data-report-count]").text());
        assertEquals("/stations/" + id, abusive.select("a").attr("href"));

        Element form = abusive.selectFirst("form");
        CookieClient.Page resolved = moderator.postForm(form.attr("action"), form("_csrf", moderator.csrf(),
                "note", "renamed", "decision", "resolve"));
        assertEquals("/moderation?done=resolved#reports-heading", resolved.location());
        List<Element> left = Jsoup.parse(moderator.get("/moderation").body()).select("[data-open-reports] li[data-station-id=" + id + "]");
        assertEquals(1, left.size());
        assertEquals("· 1 open report for this station", left.get(0).select("[data-report-count]").text());
        CookieClient.Page twice = moderator.postForm(form.attr("action"), form("_csrf", moderator.csrf(), "decision", "dismiss"));
        assertEquals(409, twice.status());
        assertTrue(Jsoup.parse(twice.body()).select("#reports-error").text().contains("already resolved"));
        assertEquals("/moderation?done=dismissed#reports-heading", moderator.postForm(left.get(0).selectFirst("form").attr("action"),
                form("_csrf", moderator.csrf(), "decision", "dismiss")).location());
    }

    @Test
    void moderationFormsWithoutTheirCsrfFieldAreRefused() {
        Owner owner = owner("Forged Target");
        CookieClient.Page forged = moderator.postForm("/moderation/stations/hide",
                form("station", owner.station().stationId(), "reason", "forged"));
        assertEquals(403, forged.status(), forged.toString());
        assertTrue(String.valueOf(forged.header("Content-Type")).startsWith("application/problem+json"));
        CookieClient.Page forgedSuspend = moderator.postForm("/moderation/users/suspend",
                form("username", owner.name(), "reason", "forged", "_csrf", admin.csrf()));
        assertEquals(403, forgedSuspend.status(), "another session's token does not count");
        assertNotNull(api.listedStream(owner.station().listenUrl()));
        assertEquals(200, owner.browser().get("/me").status(), "not suspended");
        assertEquals(403, moderator.postForm("/moderation/bans", form("kind", "account", "value", owner.name(),
                "reason", "forged")).status());
        assertEquals(200, owner.browser().get("/me").status());
        assertTrue(Jsoup.parse(owner.browser().get("/me").body()).select("[data-account-ban]").isEmpty(), "no rule was made");
    }
}
