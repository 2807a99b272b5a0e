package org.ondes.site.me;

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
import org.ondes.testkit.FreePorts;
import org.ondes.testkit.IcecastWire;
import org.ondes.testkit.ListedStream;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.TestDb;
import org.ondes.testkit.YpReplyHead;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ondes.testkit.CookieClient.form;

/**
 * The streamer pages over plain HTTP, as a browser without JavaScript uses them: sign-in redirects with {@code next},
 * the stations page with each session's state and reason, the profile form, YP tokens shown once and revoked after a
 * confirmation, the CSRF field every form needs, and no view into another account's stations or tokens.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamerPagesIT implements TestPropertyProvider {
    @Inject
    EmbeddedServer server;
    String base;
    OndesApi api;
    FakeIcecastMount mount;

    /** A signed-in browser with one YP token made on the tokens page. */
    record Streamer(String name, CookieClient browser, String ypUrl, OndesApi.User user) {
        String csrf() {
            return browser.csrf();
        }
    }

    @Override
    public Map<String, String> getProperties() {
        return TestDb.properties();
    }

    @BeforeAll
    void start() throws Exception {
        base = "http://127.0.0.1:" + server.getPort();
        api = new OndesApi(base);
        mount = new FakeIcecastMount();
        new CookieClient(base).signedUp("admin_" + suffix()); // the instance's first account (admin) is someone else
    }

    @AfterAll
    void stop() throws Exception {
        mount.close();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private Streamer streamer() {
        String name = "s_" + suffix();
        CookieClient b = new CookieClient(base).signedUp(name);
        CookieClient.Page created = b.postForm("/me/tokens", form("label", "studio", "_csrf", b.csrf()));
        assertEquals(200, created.status(), created.toString());
        String ypUrl = Jsoup.parse(created.body()).select("#yp-url").attr("value");
        return new Streamer(name, b, ypUrl, new OndesApi.User(name, null, 0, ypUrl));
    }

    private ListedStream listed(Streamer s, String stationName, String path) {
        String url = mount.url(path);
        return ListedStream.announce(api, s.user(), url, IcecastWire.add(stationName, "jazz, blues", url, "audio/mpeg", "", "128"));
    }

    private static Document html(CookieClient.Page page) {
        assertTrue(String.valueOf(page.header("Content-Type")).startsWith("text/html"), page.toString());
        return Jsoup.parse(page.body());
    }

    @Test
    void signedOutBrowsersAreSentToSignInAndBack() {
        CookieClient anonymous = new CookieClient(base);
        assertEquals("/signin?next=/me", anonymous.get("/me").location());
        assertEquals("/signin?next=/me/tokens", anonymous.get("/me/tokens").location());
        CookieClient.Page post = anonymous.postForm("/me/tokens", form("label", "x"));
        assertEquals(303, post.status(), post.toString());
        assertEquals("/signin?next=/me/tokens", post.location());
        Document signIn = html(anonymous.get("/signin?next=/me"));
        assertEquals("/me", signIn.select("form[action=/signin] input[name=next]").attr("value"));
    }

    @Test
    void aNewTokenIsShownInFullOnceWithIcecastSnippetsThenOnlyMasked() {
        Streamer s = streamer();
        assertTrue(s.ypUrl().matches("http://[a-z0-9.]+:\\d+/api/icecast/yp/[A-Za-z0-9_-]{43}"), s.ypUrl());
        CookieClient.Page created = s.browser().postForm("/me/tokens", form("label", "backup <b>server</b>", "_csrf", s.csrf()));
        assertEquals("private, no-store", created.header("Cache-Control"), "the page holding a secret is never cached");
        Document doc = html(created);
        String url = doc.select("#yp-url").attr("value");
        assertEquals("YP URL of backup <b>server</b>", doc.select("label[for=yp-url]").text(), "a label shows as text");
        assertTrue(doc.select("main b").isEmpty(), "a label never becomes markup");
        assertEquals("<directory>\n    <yp-url-timeout>5</yp-url-timeout>\n    <yp-url>" + url + "</yp-url>\n</directory>",
                doc.select("#snippet-24").first().wholeText());
        assertEquals("<yp-directory url=\"" + url + "\">\n    <option name=\"timeout\" value=\"5\"/>\n</yp-directory>",
                doc.select("#snippet-25").first().wholeText());
        assertEquals("yp-url", doc.select("button[data-copy]").first().attr("data-copy"));

        String list = s.browser().get("/me/tokens").body();
        String secret = url.substring(url.lastIndexOf('/') + 1);
        assertFalse(list.contains(secret), "the list never shows a token in full");
        Document listed = Jsoup.parse(list);
        assertTrue(listed.select("[data-masked-url]").eachText().contains(
                url.substring(0, url.lastIndexOf('/') + 1) + "…" + secret.substring(secret.length() - 4)), list);
        assertTrue(listed.select(".token h3").eachText().containsAll(java.util.List.of("studio", "backup <b>server</b>")));
    }

    @Test
    void revokingATokenAsksForConfirmationThenEndsItsStreams() {
        Streamer s = streamer();
        ListedStream stream = listed(s, "Revoked Radio", "/revoked.mp3");
        Document list = Await.until(Duration.ofSeconds(10), () -> html(s.browser().get("/me/tokens")),
                d -> d.select(".token").text().contains("last used"), () -> "the token's use is not shown");
        assertTrue(list.select("[data-never-used]").isEmpty());
        String confirmHref = list.select(".token a[href*=revoke]").attr("href");
        Document confirm = html(s.browser().get(confirmHref));
        String action = confirm.select("#confirm form").attr("action");
        assertTrue(action.matches("/me/tokens/\\d+/revoke"), confirm.select("main").outerHtml());
        assertEquals("studio", confirm.select("#confirm-heading q").text());

        CookieClient.Page revoked = s.browser().postForm(action, form("_csrf", s.csrf()));
        assertEquals(303, revoked.status(), revoked.toString());
        assertEquals("/me/tokens?revoked=1", revoked.location());
        Document after = html(s.browser().get(revoked.location()));
        assertTrue(after.select("[role=status]").text().contains("revoked"), after.select("main").text());
        assertTrue(after.select(".token").isEmpty(), after.select("main").text());
        Await.until(Duration.ofSeconds(10), () -> api.listedStream(stream.listenUrl()), m -> m == null,
                () -> "the revoked token's stream is still listed");
        YpReplyHead add = YpReplyHead.parse(api.ypRaw(s.user().ypToken(),
                IcecastWire.add("Revoked Radio", "x", stream.listenUrl(), "audio/mpeg", "", "128")));
        assertFalse(add.ok(), add.raw());
    }

    @Test
    void theStationsPageShowsEachSessionsStateReasonAndLastYpExchange() {
        Streamer s = streamer();
        Document empty = html(s.browser().get("/me"));
        assertNotNull(empty.selectFirst("[data-no-stations] a[href=/me/tokens]"), empty.select("main").text());

        ListedStream live = listed(s, "Late Jazz", "/late.mp3");
        live.touch(api, s.user(), "Nina Simone - Feeling Good", 3);
        String closed = "http://127.0.0.1:" + FreePorts.next() + "/nothing-here.ogg";
        assertTrue(YpReplyHead.parse(api.ypRaw(s.user().ypToken(), IcecastWire.add("Quiet Radio", "ambient", closed))).ok());

        Element listedSession = Await.until(Duration.ofSeconds(10), () -> session(s, live.listenUrl()),
                e -> e != null && "Nina Simone - Feeling Good".equals(e.select("dd").get(2).text()), () -> "no touch shown");
        assertEquals("listed", listedSession.attr("data-state"));
        assertEquals("Listed", listedSession.select("[data-state-label]").text());
        assertEquals(live.listenUrl(), listedSession.select("a.url").text());
        assertEquals("Updated server info.", listedSession.select(".yp-message").text());
        assertTrue(listedSession.select("time[data-last-request-text]").text().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC"));
        Element station = listedSession.closest("[data-my-station]");
        assertEquals("Late Jazz", station.select("h2").text());
        assertEquals("/stations/" + live.stationId(), station.select("[data-station-status] a").attr("href"));

        Element waiting = Await.until(Duration.ofSeconds(10), () -> session(s, closed),
                e -> e != null && e.select("[data-state-reason]").text().startsWith("Retrying the check"), () -> "no retry shown");
        assertEquals("pending", waiting.attr("data-state"));
    }

    private Element session(Streamer s, String listenUrl) {
        Document doc = Jsoup.parse(s.browser().get("/me").body());
        return doc.select("[data-session-id]").stream().filter(e -> e.text().contains(listenUrl)).findFirst().orElse(null);
    }

    @Test
    void theProfileFormWorksWithoutJavaScript() {
        Streamer s = streamer();
        ListedStream live = listed(s, "Announced Name", "/profile.mp3");
        String action = "/me/stations/" + live.stationId();
        CookieClient.Page saved = s.browser().postForm(action, form("_csrf", s.csrf(), "displayName", "Night Shift",
                "description", "", "homepage", "https://nightshift.example.net/", "genres", "jazz, soul", "language", "fr",
                "country", "be", "logoUrl", ""));
        assertEquals(303, saved.status(), saved.toString());
        assertEquals("/me?saved=" + live.stationId() + "#station-" + live.stationId(), saved.location());
        Document me = html(s.browser().get(saved.location()));
        Element station = me.selectFirst("[data-my-station=" + live.stationId() + "]");
        assertEquals("Night Shift", station.select("h2").text());
        assertTrue(station.select("[role=status]").text().startsWith("Profile saved"), station.text());
        assertEquals("jazz, soul", station.select("input[name=genres]").attr("value"));
        assertEquals("BE", station.select("input[name=country]").attr("value"));
        assertTrue(station.select("input[name=displayName] ~ .hint").text().contains("“Announced Name”"), station.text());
        api.awaitListed(live.listenUrl(), e -> "Night Shift".equals(e.get("name")));

        CookieClient.Page refused = s.browser().postForm(action, form("_csrf", s.csrf(), "displayName", "<b>Other</b>",
                "homepage", "javascript:alert(1)", "hidden", "on"));
        assertEquals(400, refused.status(), refused.toString());
        Element form = Jsoup.parse(refused.body()).selectFirst("[data-my-station=" + live.stationId() + "] form");
        Element homepage = form.selectFirst("input[name=homepage]");
        assertEquals("true", homepage.attr("aria-invalid"));
        Element error = form.getElementById(homepage.attr("aria-describedby").split(" ")[1]);
        assertEquals("Homepage must be an absolute http or https URL with a host name and no user name or password.", error.text());
        assertEquals("javascript:alert(1)", homepage.attr("value"), "what was typed is shown again, as a value");
        assertTrue(form.selectFirst("input[name=hidden]").hasAttr("checked"));
        assertTrue(form.closest("details").hasAttr("open"));
        assertTrue(form.select("[role=alert]").text().startsWith("Homepage must be"));
        assertEquals("Night Shift", api.listedStream(live.listenUrl()).get("name"), "a refused edit changes nothing");

        assertEquals(303, s.browser().postForm(action, form("_csrf", s.csrf(), "displayName", "")).status());
        api.awaitListed(live.listenUrl(), e -> "Announced Name".equals(e.get("name")));
    }

    @Test
    void anAccountSeesAndChangesOnlyItsOwnStationsAndTokens() {
        Streamer a = streamer();
        ListedStream aStation = listed(a, "Private Affair", "/a.mp3");
        a.browser().postForm("/me/tokens", form("label", "a-secret-label", "_csrf", a.csrf()));
        Document aTokens = html(a.browser().get("/me/tokens"));
        String aTokenId = aTokens.select(".token").stream().filter(t -> t.text().contains("a-secret-label"))
                .findFirst().orElseThrow().attr("data-token-id");

        Streamer b = streamer();
        String bMe = b.browser().get("/me").body();
        assertFalse(bMe.contains("Private Affair") || bMe.contains(aStation.stationId()), "B sees A's station");
        String bTokens = b.browser().get("/me/tokens?revoke=" + aTokenId).body();
        assertFalse(bTokens.contains("a-secret-label"), "B sees A's token");
        assertNull(Jsoup.parse(bTokens).selectFirst("#confirm"));

        CookieClient.Page edit = b.browser().postForm("/me/stations/" + aStation.stationId(),
                form("_csrf", b.csrf(), "displayName", "Taken Over"));
        assertEquals(404, edit.status(), edit.toString());
        CookieClient.Page revoke = b.browser().postForm("/me/tokens/" + aTokenId + "/revoke", form("_csrf", b.csrf()));
        assertEquals(404, revoke.status(), revoke.toString());

        assertEquals("Private Affair", api.listedStream(aStation.listenUrl()).get("name"));
        assertTrue(a.browser().get("/me/tokens").body().contains("a-secret-label"), "A's token is still there");
    }

    @Test
    void formsWithoutTheirCsrfFieldAreRefusedAndChangeNothing() {
        Streamer s = streamer();
        ListedStream live = listed(s, "Guarded Radio", "/guarded.mp3");
        String tokenId = html(s.browser().get("/me/tokens")).select(".token").attr("data-token-id");
        for (CookieClient.Page refused : new CookieClient.Page[]{
                s.browser().postForm("/me/tokens", form("label", "forged")),
                s.browser().postForm("/me/stations/" + live.stationId(), form("displayName", "Forged")),
                s.browser().postForm("/me/tokens/" + tokenId + "/revoke", form("_csrf", "x".repeat(43)))}) {
            assertEquals(403, refused.status(), refused.toString());
            assertTrue(String.valueOf(refused.header("Content-Type")).startsWith("application/problem+json"), refused.toString());
        }
        Document tokens = html(s.browser().get("/me/tokens"));
        assertEquals(1, tokens.select(".token").size(), tokens.select("main").text());
        assertEquals("Guarded Radio", api.listedStream(live.listenUrl()).get("name"));

        CookieClient.Page signOut = s.browser().postForm("/signout", form());
        assertEquals("/me?error=csrf", signOut.location());
        Document me = html(s.browser().get(signOut.location()));
        assertTrue(me.select("main [role=status]").text().contains("still signed in"), me.select("main").text());
    }

    @Test
    void namesAndMessagesFromIcecastAreShownAsText() {
        Streamer s = streamer();
        String hostile = "<img src=x onerror=alert(1)><script>alert(2)</script>";
        ListedStream live = listed(s, hostile, "/hostile.mp3");
        live.touch(api, s.user(), "</dd><b>bold</b>", 1);
        Element station = Await.until(Duration.ofSeconds(10),
                () -> Jsoup.parse(s.browser().get("/me").body()).selectFirst("[data-my-station=" + live.stationId() + "]"),
                e -> e != null && e.text().contains("</dd><b>bold</b>"), () -> "the touch is not shown");
        assertEquals(hostile, station.select("h2").text());
        assertTrue(station.select("img, script, b").isEmpty(), station.outerHtml());
        assertTrue(station.select("input[name=displayName] ~ .hint").text().contains(hostile));
    }

    @Test
    void theHeaderShowsTheAccountAndSignsOutWithAPost() {
        Document anonymous = html(new CookieClient(base).get("/"));
        assertEquals(java.util.List.of("Live now", "Sign in", "Sign up"), anonymous.select(".site-nav a").eachText());
        assertTrue(anonymous.select("form.signout").isEmpty());

        Streamer s = streamer();
        CookieClient.Page home = s.browser().get("/");
        assertEquals("private, no-store", home.header("Cache-Control"), "a page with an account's name is never cached");
        Document doc = html(home);
        assertEquals(java.util.List.of("Live now", "My stations", "YP tokens"), doc.select(".site-nav a").eachText());
        assertEquals(s.name(), doc.select("[data-account-name]").text());
        Element signOut = doc.selectFirst("form.signout");
        assertEquals("post", signOut.attr("method"));
        assertEquals("/signout", signOut.attr("action"));
        assertEquals(s.csrf(), signOut.select("input[name=_csrf]").attr("value"));
        assertEquals("page", html(s.browser().get("/me/tokens")).select(".site-nav a[href=/me/tokens]").attr("aria-current"));

        CookieClient.Page out = s.browser().postForm("/signout", form("_csrf", s.csrf()));
        assertEquals("/", out.location());
        assertEquals("/signin?next=/me", s.browser().get("/me").location());
    }

    @Test
    void streamerPagesCarryNoInlineScriptOrStyle() {
        Streamer s = streamer();
        listed(s, "Styled Radio", "/styled.mp3");
        for (String path : new String[]{"/me", "/me/tokens"}) {
            CookieClient.Page page = s.browser().get(path);
            assertEquals(200, page.status(), path);
            assertTrue(page.header("Content-Security-Policy").contains("script-src 'self'"), path);
            Document doc = Jsoup.parse(page.body());
            assertTrue(doc.select("script:not([src])").isEmpty(), path + " has an inline script");
            assertTrue(doc.select("[style]").isEmpty() && doc.select("style").isEmpty(), path + " has inline styles");
            assertTrue(doc.select("input:not([type=hidden]):not([type=checkbox]), textarea").stream()
                    .allMatch(i -> !doc.select("label[for=" + i.id() + "]").isEmpty() || i.parents().is("label")),
                    path + ": a field without a label");
        }
    }
}
