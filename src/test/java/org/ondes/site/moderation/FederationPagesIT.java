package org.ondes.site.moderation;

import com.sun.net.httpserver.HttpServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.testkit.Await;
import org.ondes.testkit.CookieClient;
import org.ondes.testkit.FreePorts;
import org.ondes.testkit.OndesInstance;
import org.ondes.testkit.StubResponses;
import org.ondes.testkit.TestDb;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ondes.testkit.CookieClient.form;

/**
 * The federation page on a real instance (B) that follows another real Ondes instance (A) on loopback: an admin
 * follows A through the form and sees the follow accepted, A's admin sees B among its followers, B unfollows; a
 * target that is no Ondes catalog is explained on the page with what was typed; moderators manage blocked domains but
 * cannot follow; signed-out browsers are sent to sign in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FederationPagesIT {
    static final String PAGE = "/moderation/federation";
    OndesInstance a;
    OndesInstance b;
    CookieClient adminA;
    CookieClient adminB;
    CookieClient moderatorB;
    HttpServer mastodonish;

    static OndesInstance instance() {
        int port = FreePorts.next();
        return OndesInstance.start(TestDb.newSchema(), port, Map.of("ondes.public-url", "http://127.0.0.1:" + port,
                "ondes.federation.allow-private-addresses", "true"));
    }

    @BeforeAll
    void start() throws IOException {
        a = instance();
        b = instance();
        adminA = new CookieClient(a.baseUrl()).signedUp("root_" + suffix()); // the first account: admin
        adminB = new CookieClient(b.baseUrl()).signedUp("root_" + suffix());
        String moderatorName = "mod_" + suffix();
        moderatorB = new CookieClient(b.baseUrl()).signedUp(moderatorName);
        CookieClient.Page promoted = adminB.json("PUT", "/api/v1/admin/users/" + moderatorName + "/role",
                "{\"role\":\"moderator\"}", Map.of("X-CSRF-Token", adminB.csrf()));
        assertEquals(200, promoted.status(), promoted.toString());
        // another kind of fediverse server: NodeInfo, but not an Ondes catalog
        mastodonish = HttpServer.create(new InetSocketAddress("127.0.0.1", FreePorts.next()), 0);
        String base = "http://127.0.0.1:" + mastodonish.getAddress().getPort();
        json(mastodonish, "/.well-known/nodeinfo", "{\"links\":[{\"rel\":\"http://nodeinfo.diaspora.software/ns/schema/2.0\","
                + "\"href\":\"" + base + "/nodeinfo/2.0\"}]}");
        json(mastodonish, "/nodeinfo/2.0", "{\"version\":\"2.0\",\"software\":{\"name\":\"mastodon\",\"version\":\"4.3.0\"},"
                + "\"protocols\":[\"activitypub\"],\"openRegistrations\":false,\"usage\":{\"users\":{}},\"metadata\":{}}");
        mastodonish.start();
    }

    private static void json(HttpServer server, String path, String body) {
        server.createContext(path, exchange -> StubResponses.send(exchange, 200, "application/json", body));
    }

    @AfterAll
    void stop() throws Exception { // fields stay null when a start failed
        if (mastodonish != null) {
            mastodonish.stop(0);
        }
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private Element follow(String host) {
        return Jsoup.parse(adminB.get(PAGE).body()).select("[data-following] li").stream()
                .filter(li -> li.select("[data-follow-host]").text().equals(host)).findFirst().orElse(null);
    }

    @Test
    void anAdminFollowsAnotherInstanceFromThePageSeesItAcceptedAndUnfollows() {
        String hostA = "127.0.0.1:" + a.port();
        Document page = Jsoup.parse(adminB.get("/moderation").body());
        assertEquals(PAGE, page.select("a[data-federation-link]").attr("href"), "linked from the moderation page");
        Element formEl = Jsoup.parse(adminB.get(PAGE).body()).selectFirst("form[data-follow-form]");
        assertNotNull(formEl, "admins get the follow form");

        CookieClient.Page followed = adminB.postForm(formEl.attr("action"), form("_csrf",
                formEl.select("input[name=_csrf]").val(), "target", hostA));
        assertEquals(303, followed.status(), followed.toString());
        assertEquals(PAGE + "?done=followed#following-heading", followed.location());
        Document after = Jsoup.parse(adminB.get(followed.location()).body());
        assertTrue(after.select("[role=status]").text().startsWith("Follow sent."), after.select("main").text());
        Await.until(Duration.ofSeconds(20), () -> follow(hostA), li -> li != null
                        && li.select("[data-follow-state]").text().equals("Accepted"),
                () -> "B's follow of A never shows as accepted: " + follow(hostA));
        Element row = follow(hostA);
        assertEquals(a.baseUrl() + "/actor", row.select("[data-follow-actor]").text());
        assertEquals(hostA, row.select("[data-follow-target]").text());
        assertTrue(row.select("time").text().endsWith("UTC"), row.text());

        Element follower = Jsoup.parse(adminA.get(PAGE).body()).selectFirst("[data-followers] li");
        assertNotNull(follower, "A lists B among its followers");
        assertEquals("127.0.0.1:" + b.port(), follower.select("[data-follower-host]").text());
        assertTrue(follower.text().contains("Ondes catalog"), follower.text());

        CookieClient.Page again = adminB.postForm(formEl.attr("action"), form("_csrf", adminB.csrf(), "target", hostA));
        assertEquals(PAGE + "?done=already_followed#following-heading", again.location());

        CookieClient.Page unfollowed = adminB.postForm(row.selectFirst("form").attr("action"),
                form("_csrf", adminB.csrf()));
        assertEquals(PAGE + "?done=unfollowed#following-heading", unfollowed.location());
        assertNull(follow(hostA), "the follow is gone from the list");
        Await.until(Duration.ofSeconds(20), () -> Jsoup.parse(adminA.get(PAGE).body()).select("[data-followers] li").size(),
                n -> n == 0, () -> "A never applied the Undo");
    }

    @Test
    void aTargetThatIsNoOndesCatalogIsExplainedOnThePageWithWhatWasTyped() {
        String target = "127.0.0.1:" + mastodonish.getAddress().getPort();
        CookieClient.Page refused = adminB.postForm(PAGE + "/following", form("_csrf", adminB.csrf(), "target", target));
        assertEquals(422, refused.status(), refused.toString());
        assertTrue(String.valueOf(refused.header("Content-Type")).startsWith("text/html"));
        Document doc = Jsoup.parse(refused.body());
        assertEquals(target + " is not an Ondes catalog (its NodeInfo says software mastodon).",
                doc.select("#following-error[role=alert]").text());
        assertEquals(target, doc.select("#follow-target").val(), "what was typed stays in the form");
        assertNull(follow(target), "nothing was followed");

        CookieClient.Page blank = adminB.postForm(PAGE + "/following", form("_csrf", adminB.csrf(), "target", "  "));
        assertEquals(400, blank.status());
        assertTrue(Jsoup.parse(blank.body()).select("#following-error").text().startsWith("Target is required"));

        CookieClient.Page noCsrf = adminB.postForm(PAGE + "/following", form("target", target));
        assertEquals(403, noCsrf.status(), "the form needs the session's CSRF token");
    }

    @Test
    void aModeratorManagesBlockedDomainsButCannotFollow() {
        Document page = Jsoup.parse(moderatorB.get(PAGE).body());
        assertNull(page.selectFirst("form[data-follow-form]"), "no follow form for moderators");
        assertNull(page.selectFirst("#followers-heading"));
        assertEquals("Federation: blocked domains", Jsoup.parse(moderatorB.get("/moderation").body())
                .select("a[data-federation-link]").text());

        CookieClient.Page refused = moderatorB.postForm(PAGE + "/following",
                form("_csrf", moderatorB.csrf(), "target", "127.0.0.1:" + a.port()));
        assertEquals(403, refused.status(), refused.toString());
        assertEquals("Not allowed", Jsoup.parse(refused.body()).select("main h1").text());
        assertNull(follow("127.0.0.1:" + a.port()), "a moderator's follow post changes nothing");

        CookieClient.Page invalid = moderatorB.postForm(PAGE + "/blocks",
                form("_csrf", moderatorB.csrf(), "domain", "not a domain!", "reason", "spam"));
        assertEquals(400, invalid.status());
        Document doc = Jsoup.parse(invalid.body());
        assertTrue(doc.select("#blocks-error").text().startsWith("Domain must be a domain name"), doc.select("main").text());
        assertEquals("not a domain!", doc.select("#block-domain").val());

        CookieClient.Page blocked = moderatorB.postForm(PAGE + "/blocks",
                form("_csrf", moderatorB.csrf(), "domain", "Spam.Example", "reason", "sends <b>spam</b>"));
        assertEquals(PAGE + "?done=blocked#blocks-heading", blocked.location());
        Element row = Jsoup.parse(moderatorB.get(PAGE).body()).selectFirst("[data-blocks] li[data-domain=spam.example]");
        assertNotNull(row);
        assertEquals("sends <b>spam</b>", row.select("[data-block-reason]").text());
        assertEquals(409, moderatorB.postForm(PAGE + "/blocks",
                form("_csrf", moderatorB.csrf(), "domain", "spam.example", "reason", "again")).status());

        CookieClient.Page unblocked = moderatorB.postForm(row.selectFirst("form").attr("action"),
                form("_csrf", moderatorB.csrf(), "domain", row.select("input[name=domain]").val()));
        assertEquals(PAGE + "?done=unblocked#blocks-heading", unblocked.location());
        assertNull(Jsoup.parse(moderatorB.get(PAGE).body()).selectFirst("[data-blocks] li[data-domain=spam.example]"));
    }

    @Test
    void signedOutBrowsersSignInFirstAndUsersAreRefused() {
        assertEquals("/signin?next=/moderation/federation", new CookieClient(b.baseUrl()).get(PAGE).location());
        CookieClient user = new CookieClient(b.baseUrl()).signedUp("user_" + suffix());
        CookieClient.Page refused = user.get(PAGE);
        assertEquals(403, refused.status());
        assertEquals("Not allowed", Jsoup.parse(refused.body()).select("main h1").text());
        assertEquals(403, user.postForm(PAGE + "/blocks", form("_csrf", user.csrf(), "domain", "x.example",
                "reason", "r")).status());
    }
}
