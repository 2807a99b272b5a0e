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
import org.ondes.testkit.CookieClient;
import org.ondes.testkit.FakeIcecastMount;
import org.ondes.testkit.ListedStream;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.TestDb;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ondes.testkit.CookieClient.form;

/**
 * The profile-history page and the audit-log page over plain HTTP: who gets them (history: moderators and admins;
 * audit log: admins only), what they show (owners' values escaped), and the rollback form (CSRF, refusals on the page).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProfileHistoryPagesIT implements TestPropertyProvider {
    @Inject
    EmbeddedServer server;
    String base;
    OndesApi api;
    FakeIcecastMount mount;
    CookieClient admin;
    CookieClient moderator;
    String adminName;
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
        adminName = "root_" + suffix();
        admin = new CookieClient(base).signedUp(adminName); // the first account: admin
        moderatorName = "mod_" + suffix();
        moderator = new CookieClient(base).signedUp(moderatorName);
        assertEquals(200, admin.json("PUT", "/api/v1/admin/users/" + moderatorName + "/role", "{\"role\":\"moderator\"}",
                Map.of("X-CSRF-Token", admin.csrf())).status());
    }

    @AfterAll
    void stop() throws Exception {
        mount.close();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private record Owner(OndesApi.User user, ListedStream station) {
    }

    private Owner owner(String announced) {
        OndesApi.User user = api.newUser();
        return new Owner(user, ListedStream.announce(api, user, mount, announced, "/" + suffix() + ".ogg"));
    }

    private static String history(String stationId) {
        return "/moderation/stations/" + stationId + "/history";
    }

    @Test
    void onlyModeratorsAndAdminsGetAStationsHistoryPage() {
        Owner owner = owner("Quiet " + suffix());
        String path = history(owner.station().stationId());
        assertEquals("/signin?next=" + path, new CookieClient(base).get(path).location(),
                "signed out: the sign-in form first, then back here");
        CookieClient user = new CookieClient(base);
        assertEquals(303, user.signIn(owner.user().username(), CookieClient.PASSWORD).status());
        CookieClient.Page refused = user.get(path);
        assertEquals(403, refused.status());
        assertEquals("Not allowed", Jsoup.parse(refused.body()).select("main h1").text());
        CookieClient.Page post = user.postForm(path + "/1/rollback", form("_csrf", user.csrf()));
        assertEquals(403, post.status());
        for (CookieClient staff : new CookieClient[]{admin, moderator}) {
            CookieClient.Page page = staff.get(path);
            assertEquals(200, page.status(), page.toString());
            assertEquals("Nobody has changed this station's profile yet.",
                    Jsoup.parse(page.body()).select("#changes-heading ~ p.muted").text());
        }
        assertEquals(404, moderator.get(history(UUID.randomUUID().toString())).status());
        assertEquals(404, moderator.get("/moderation/stations/not-a-station/history").status());
    }

    @Test
    void theModerationPageLinksEachStationsHistoryWhichShowsOwnersMarkupAsText() {
        String announced = "Escaped " + suffix();
        Owner owner = owner(announced);
        String id = owner.station().stationId();
        String markup = "<img src=x onerror=alert(1)>";
        assertEquals(200, api.send("PATCH", "/api/v1/me/stations/" + id, owner.user().bearer(),
                "{\"description\": \"&lt;img src=x onerror=alert(1)&gt;\", \"genres\": [\"dub\"]}").status());
        assertEquals(markup, api.get("/api/v1/stations/" + id, null).json().get("description"),
                "stored as text: the entity decodes to characters, not to an element");

        Element row = Jsoup.parse(moderator.get("/moderation").body()).selectFirst("li[data-station-id=" + id + "]");
        assertEquals(history(id), row.select("a[data-history-link]").attr("href"));

        CookieClient.Page page = moderator.get(history(id));
        assertTrue(page.body().contains("&lt;img src=x onerror=alert(1)&gt;"), "escaped in the markup");
        Document doc = Jsoup.parse(page.body());
        assertTrue(doc.select("main img").isEmpty(), "no element came from the owner's text");
        Element change = doc.selectFirst("[data-profile-changes] li");
        assertEquals("Edit by the owner", change.select("[data-change-what]").text().replaceFirst("^#[0-9]+ · ", ""));
        assertEquals(owner.user().username(), change.select("[data-change-actor]").text());
        Element description = change.selectFirst("dd[data-field=description]");
        assertEquals(ProfileHistoryPages.UNSET, description.select("[data-before]").text());
        assertEquals(markup, description.select("[data-after]").text());
        assertEquals("dub", change.select("dd[data-field=genres] [data-after]").text());
        assertEquals(announced, doc.select("main .mod-name a").text(), "the station, linked to its public page");
    }

    @Test
    void aModeratorRollsAChangeBackFromThePageAndRefusalsAreShownThere() {
        String announced = "Rolled " + suffix();
        Owner owner = owner(announced);
        String id = owner.station().stationId();
        assertEquals(200, api.send("PATCH", "/api/v1/me/stations/" + id, owner.user().bearer(),
                "{\"displayName\": \"Spam Spam\"}").status());
        Element form = Jsoup.parse(moderator.get(history(id)).body()).selectFirst("[data-profile-changes] li form");
        assertTrue(form.text().contains("Sets display name back to its value from before this change"), form.text());

        CookieClient.Page noCsrf = moderator.postForm(form.attr("action"), form("reason", "x"));
        assertEquals(403, noCsrf.status());
        assertEquals("Spam Spam", api.get("/api/v1/stations/" + id, null).json().get("name"), "nothing changed");

        CookieClient.Page done = moderator.postForm(form.attr("action"), form("_csrf",
                form.select("input[name=_csrf]").attr("value"), "reason", "spam name"));
        assertEquals(303, done.status(), done.toString());
        assertEquals(history(id) + "?done=rolledback", done.location());
        assertEquals(announced, api.get("/api/v1/stations/" + id, null).json().get("name"));
        Document after = Jsoup.parse(moderator.get(done.location()).body());
        assertEquals(ProfileHistoryPages.DONE, after.select("[role=status]").text());
        Element newest = after.selectFirst("[data-profile-changes] li");
        assertTrue(newest.select("[data-change-what]").text().contains("Rollback of change #"), newest.text());
        assertEquals(moderatorName, newest.select("[data-change-actor]").text());

        CookieClient.Page again = moderator.postForm(form.attr("action"), form("_csrf", moderator.csrf()));
        assertEquals(409, again.status());
        assertTrue(Jsoup.parse(again.body()).select("#history-error[role=alert]").text().startsWith("The fields change"),
                again.body());
        CookieClient.Page unknown = moderator.postForm(history(id) + "/999999999/rollback", form("_csrf", moderator.csrf()));
        assertEquals(404, unknown.status());
        assertTrue(Jsoup.parse(unknown.body()).select("#history-error").text().contains("has no profile change"));
    }

    @Test
    void onlyAdminsReadTheAuditLogPageWhichShowsTheRollbackAndFilters() {
        Owner owner = owner("Audited " + suffix());
        String id = owner.station().stationId();
        api.send("PATCH", "/api/v1/me/stations/" + id, owner.user().bearer(), "{\"description\": \"bad words\"}");
        Element form = Jsoup.parse(moderator.get(history(id)).body()).selectFirst("[data-profile-changes] li form");
        assertEquals(303, moderator.postForm(form.attr("action"), form("_csrf", moderator.csrf(),
                "reason", "<script>alert(1)</script>")).status());

        assertEquals("/signin?next=/moderation/audit", new CookieClient(base).get("/moderation/audit").location());
        CookieClient.Page refused = moderator.get("/moderation/audit");
        assertEquals(403, refused.status());
        assertTrue(Jsoup.parse(refused.body()).select("main").text().contains("Only admins"));
        assertNull(Jsoup.parse(moderator.get("/moderation").body()).selectFirst("a[data-audit-link]"),
                "moderators get no link to it");
        Element link = Jsoup.parse(admin.get("/moderation").body()).selectFirst("a[data-audit-link]");
        assertEquals("/moderation/audit", link.attr("href"));

        CookieClient.Page page = admin.get("/moderation/audit?action=rollback_profile&actor=" + moderatorName.toUpperCase());
        assertEquals(200, page.status(), page.toString());
        Document doc = Jsoup.parse(page.body());
        assertTrue(doc.select("main script").isEmpty());
        Element entry = doc.selectFirst("[data-audit-entries] li[data-action=rollback_profile]");
        assertNotNull(entry, doc.select("main").text());
        assertEquals("Rolled back a profile change", entry.select("[data-entry-action]").text());
        assertEquals(moderatorName, entry.select("[data-entry-actor]").text());
        assertEquals("<script>alert(1)</script>", entry.select("[data-entry-reason]").text());
        assertTrue(entry.select("[data-entry-detail]").text().matches("change [0-9]+ rolled back \\(description\\)"),
                entry.text());
        assertEquals(history(id), entry.select("a").attr("href"));
        assertEquals("rollback_profile", doc.select("#audit-action option[selected]").attr("value"));
        assertTrue(doc.select("[data-audit-entries] li").stream()
                .allMatch(li -> li.attr("data-action").equals("rollback_profile")));

        Document all = Jsoup.parse(admin.get("/moderation/audit").body());
        assertNotNull(all.selectFirst("[data-audit-entries] li[data-action=change_role]"), "the role change of setUp");
        CookieClient.Page bad = admin.get("/moderation/audit?action=drop_tables");
        assertEquals(400, bad.status());
        assertTrue(Jsoup.parse(bad.body()).select("#audit-error").text().startsWith("Action must be one of"));
    }
}
