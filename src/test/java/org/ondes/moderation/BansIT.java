package org.ondes.moderation;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.testkit.CookieClient;
import org.ondes.testkit.FakeIcecastMount;
import org.ondes.testkit.IcecastWire;
import org.ondes.testkit.ListedStream;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.SseClient;
import org.ondes.testkit.TestDb;
import org.ondes.testkit.YpReplyHead;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ban rules over real HTTP and YP: for every kind the refused and the allowed add (with the exact YP reply), live
 * sessions that a new rule ends at once (catalog, live feed, the owner's view), the regex time bound, roles. The
 * instance trusts 127.0.0.1 as a proxy, so tests speak for other requester addresses through X-Forwarded-For.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BansIT implements TestPropertyProvider {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PREFIX = "Refused by this directory's moderators: ";
    @Inject
    EmbeddedServer server;
    OndesApi api;
    FakeIcecastMount mount;
    OndesApi.User admin;
    OndesApi.User moderator;
    String base;
    Map<String, String> db;

    @Override
    public Map<String, String> getProperties() {
        db = TestDb.properties();
        Map<String, String> p = new HashMap<>(db);
        p.put("ondes.trusted-proxies", "127.0.0.1");
        return p;
    }

    @BeforeAll
    void start() throws Exception {
        base = "http://127.0.0.1:" + server.getPort();
        api = new OndesApi(base);
        mount = new FakeIcecastMount();
        admin = api.newUser();
        moderator = api.newUser();
        assertEquals(200, api.send("PUT", "/api/v1/admin/users/" + moderator.username() + "/role", admin.bearer(),
                "{\"role\":\"moderator\"}").status());
    }

    @AfterAll
    void stop() throws Exception {
        mount.close();
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private OndesApi.Response ban(OndesApi.User who, String kind, String value, String syntax, String reason) {
        String json = "{\"kind\":" + q(kind) + ",\"value\":" + q(value) + (syntax == null ? "" : ",\"syntax\":" + q(syntax))
                + ",\"reason\":" + q(reason) + "}";
        return api.send("POST", "/api/v1/moderation/bans", who == null ? null : who.bearer(), json);
    }

    private long created(OndesApi.Response r) {
        assertEquals(201, r.status(), r.body());
        return ((Number) r.json().get("id")).longValue();
    }

    private static String q(String s) {
        return s == null ? "null" : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "\\r").replace("\n", "\\n") + "\"";
    }

    private YpReplyHead add(OndesApi.User who, String name, String url, String client) {
        return YpReplyHead.parse(api.ypRaw(who.ypToken(), IcecastWire.add(name, "test", url),
                client == null ? Map.of() : Map.of("X-Forwarded-For", client)));
    }

    /** The refusal exactly as Icecast reads it: YPResponse 0, the rule's reason on one line, SID -1. */
    private static void assertRefused(YpReplyHead reply, String reason) {
        assertTrue(reply.raw().startsWith("HTTP/1.1 200 "), reply.raw());
        assertTrue(reply.raw().contains("\r\nYPResponse: 0\r\n"), reply.raw());
        assertTrue(reply.raw().contains("\r\nYPMessage: " + PREFIX + reason + "\r\n"), reply.raw());
        assertTrue(reply.raw().contains("\r\nSID: -1\r\n"), reply.raw());
    }

    private static void assertAdded(YpReplyHead reply) {
        assertTrue(reply.ok(), reply.raw());
        assertNotNull(reply.sid());
        assertFalse("-1".equals(reply.sid()), reply.raw());
    }

    @Test
    void onlyModeratorsAndAdminsManageRules() {
        OndesApi.User user = api.newUser();
        String rule = "{\"kind\":\"host\",\"value\":\"roles.example.net\",\"reason\":\"x\"}";
        List<String[]> calls = List.of(
                new String[]{"GET", "/api/v1/moderation/bans", null},
                new String[]{"POST", "/api/v1/moderation/bans", rule},
                new String[]{"DELETE", "/api/v1/moderation/bans/1", null});
        for (String[] c : calls) {
            assertEquals(401, api.send(c[0], c[1], null, c[2]).status(), "anonymous " + c[0] + " " + c[1]);
            OndesApi.Response refused = api.send(c[0], c[1], user.bearer(), c[2]);
            assertEquals(403, refused.status(), "user " + c[0] + " " + c[1]);
            assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
        }
        assertEquals(200, api.get("/api/v1/moderation/bans", moderator.bearer()).status());
        long byModerator = created(api.send("POST", "/api/v1/moderation/bans", moderator.bearer(), rule));
        assertEquals(204, api.send("DELETE", "/api/v1/moderation/bans/" + byModerator, admin.bearer(), null).status(),
                "admins delete what moderators made");
        long byAdmin = created(api.send("POST", "/api/v1/moderation/bans", admin.bearer(), rule));
        assertEquals(204, api.send("DELETE", "/api/v1/moderation/bans/" + byAdmin, moderator.bearer(), null).status());
    }

    @Test
    void aHostRuleRefusesAddsForThatHostWithItsReasonInTheExactYpReply() {
        OndesApi.User streamer = api.newUser();
        String host = "spam-" + unique() + ".example.net";
        long id = created(ban(moderator, "host", host.toUpperCase(), null, "Known spam relay\r\nX-Injected: 1"));
        YpReplyHead refused = add(streamer, "Host FM", "http://" + host + ":8000/live.ogg", null);
        assertRefused(refused, "Known spam relay X-Injected: 1");
        assertFalse(refused.raw().contains("\r\nX-Injected"), "the reason stays one line: " + refused.raw());
        assertAdded(add(streamer, "Host FM", "http://other-" + host + ":8000/live.ogg", null));
        assertAdded(add(streamer, "Host FM", "http://radio." + host + ":8000/live.ogg", null));
        assertEquals(204, api.send("DELETE", "/api/v1/moderation/bans/" + id, moderator.bearer(), null).status());
        assertAdded(add(streamer, "Host FM", "http://" + host + ":8000/live.ogg", null));
    }

    @Test
    void aSuffixRuleRefusesEveryNameUnderTheDomainButNotTheDomainItself() {
        OndesApi.User streamer = api.newUser();
        String domain = "net-" + unique() + ".example";
        created(ban(admin, "host", "*." + domain, null, "Bulk spam network"));
        assertRefused(add(streamer, "Suffix FM", "http://a." + domain + "/live.mp3", null), "Bulk spam network");
        assertRefused(add(streamer, "Suffix FM", "https://x.y." + domain + ":8443/live.mp3", null), "Bulk spam network");
        assertAdded(add(streamer, "Suffix FM", "http://" + domain + "/live.mp3", null));
        assertAdded(add(streamer, "Suffix FM", "http://a." + domain + ".org/live.mp3", null));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNewRuleEndsTheLiveSessionsItMatchesAtOnce() {
        OndesApi.User owner = api.newUser();
        String path = "/" + unique() + ".ogg";
        String byName = mount.url(path).replace("127.0.0.1", "localhost");
        ListedStream doomed = ListedStream.announce(api, owner, byName, IcecastWire.add("Doomed " + unique(), "x", byName));
        ListedStream spared = ListedStream.announce(api, owner, mount, "Spared " + unique(), "/" + unique() + ".ogg");
        long id;
        try (SseClient feed = SseClient.open(base, "/api/v1/events?station=" + doomed.stationId())) {
            OndesApi.Response rule = ban(moderator, "host", "localhost", null, "Streams from this host are spam");
            id = created(rule);
            assertEquals(1, ((Number) rule.json().get("endedSessions")).intValue(), rule.body());
            assertNull(api.listedStream(doomed.listenUrl()), "gone from /api/v1/streams when the call returns");
            assertEquals("banned", feed.await(WAIT, "offline", doomed.sessionId()).json().get("reason"),
                    "the live feed says offline, without the moderators' words");
        }
        assertNotNull(api.listedStream(spared.listenUrl()), "a stream the rule does not match stays");
        assertFalse(api.get("/yp.xml", null).body().contains(doomed.listenUrl()));

        Map<String, Object> session = null;
        for (Object st : api.get("/api/v1/me/stations", owner.bearer()).jsonList()) {
            for (Object x : (List<?>) ((Map<String, Object>) st).get("sessions")) {
                if (doomed.listenUrl().equals(((Map<String, Object>) x).get("listenUrl"))) {
                    session = (Map<String, Object>) x;
                }
            }
        }
        assertNotNull(session);
        assertEquals("ended", session.get("state"));
        assertEquals("refused by this directory's moderators: Streams from this host are spam", session.get("endReason"));
        YpReplyHead touch = doomed.touch(api, owner, "x", 1);
        assertFalse(touch.ok(), touch.raw());
        assertEquals("SID ended: refused by this directory's moderators: Streams from this host are spam.", touch.message());
        assertRefused(add(owner, "Doomed again", doomed.listenUrl(), null), "Streams from this host are spam");
        assertEquals(204, api.send("DELETE", "/api/v1/moderation/bans/" + id, moderator.bearer(), null).status());
    }

    @Test
    void anAddressRuleRefusesAddsFromItsRangeIpv4AndIpv6() {
        OndesApi.User streamer = api.newUser();
        String url = mount.url("/" + unique() + ".ogg");
        created(ban(moderator, "ip", "203.0.113.0/24", null, "Abusive hosting range"));
        created(ban(moderator, "ip", "2001:db8:bad::/48", null, "Abusive IPv6 range"));
        assertRefused(add(streamer, "Range FM", url, "203.0.113.77"), "Abusive hosting range");
        assertRefused(add(streamer, "Range FM", url, "2001:db8:bad:1::5"), "Abusive IPv6 range");
        // the client is the hop the trusted proxy saw, not whatever the list starts with
        assertRefused(add(streamer, "Range FM", url, "10.9.9.9, 203.0.113.1"), "Abusive hosting range");
        assertAdded(add(streamer, "Range FM", url, "198.51.100.7"));
        assertAdded(add(streamer, "Range FM", url, "2001:db8:600d::5"));
        assertAdded(add(streamer, "Range FM", url, "203.0.113.1, 198.51.100.7"));
    }

    @Test
    void anAddressRuleEndsTheLiveSessionsThatCameFromThere() {
        OndesApi.User owner = api.newUser();
        String url = mount.url("/" + unique() + ".ogg");
        assertAdded(add(owner, "From Afar " + unique(), url, "198.51.100.200"));
        api.awaitListed(url, e -> true);
        OndesApi.Response rule = ban(moderator, "ip", "198.51.100.200", null, "One bad server");
        created(rule);
        assertEquals(1, ((Number) rule.json().get("endedSessions")).intValue(), rule.body());
        assertNull(api.listedStream(url));
    }

    @Test
    void aNameGlobRuleRefusesMatchingNamesIgnoringCaseAndEndsLiveOnes() {
        OndesApi.User owner = api.newUser();
        String word = "casino" + unique();
        ListedStream live = ListedStream.announce(api, owner, mount, "Lucky " + word.toUpperCase() + " FM", "/" + unique() + ".ogg");
        OndesApi.Response rule = ban(moderator, "name", "*" + word + "*", "glob", "Gambling spam");
        created(rule);
        assertEquals("glob", rule.json().get("syntax"));
        assertEquals(1, ((Number) rule.json().get("endedSessions")).intValue());
        assertNull(api.listedStream(live.listenUrl()));
        String url = mount.url("/" + unique() + ".ogg");
        assertRefused(add(owner, "Big " + word + " Radio", url, null), "Gambling spam");
        assertRefused(add(owner, word, url, null), "Gambling spam");
        assertAdded(add(owner, "Jazz Radio", url, null));
    }

    @Test
    void nameRulesApplyToTheNamesOwnersGiveTheirStationsToo() {
        OndesApi.User owner = api.newUser();
        String word = "casino" + unique();
        String url = mount.url("/" + unique() + ".ogg");
        assertAdded(add(owner, "Quiet Radio " + unique(), url, null));
        String stationId = (String) api.awaitListed(url, e -> true).get("id");
        assertEquals(200, api.send("PATCH", "/api/v1/me/stations/" + stationId, owner.bearer(),
                "{\"displayName\": \"Big " + word + " Nights\"}").status(), "no rule yet");
        OndesApi.Response rule = ban(moderator, "name", "*" + word + "*", "glob", "Gambling spam");
        created(rule);
        assertEquals(1, ((Number) rule.json().get("endedSessions")).intValue(),
                "the rule matched the name listeners saw, not only the one Icecast announced");
        assertNull(api.listedStream(url));

        OndesApi.User other = api.newUser();
        String otherUrl = mount.url("/" + unique() + ".ogg");
        String otherName = "Calm Radio " + unique();
        assertAdded(add(other, otherName, otherUrl, null));
        String otherId = (String) api.awaitListed(otherUrl, e -> true).get("id");
        OndesApi.Response refused = api.send("PATCH", "/api/v1/me/stations/" + otherId, other.bearer(),
                "{\"displayName\": \"More " + word.toUpperCase() + "\"}");
        assertEquals(400, refused.status(), refused.body());
        assertEquals("displayName", ((Map<?, ?>) ((List<?>) refused.json().get("errors")).get(0)).get("name"));
        assertTrue(String.valueOf(refused.json().get("detail")).contains("Gambling spam"), refused.body());
        assertEquals(otherName, api.awaitListed(otherUrl, e -> true).get("name"), "nothing was changed");
        assertEquals(200, api.send("PATCH", "/api/v1/me/stations/" + otherId, other.bearer(),
                "{\"displayName\": \"Calm Nights\"}").status(), "other names are fine");
    }

    @Test
    void aNameRegexRuleRefusesWhatItFindsAndAnInvalidOneIsAProblemNamingTheField() {
        OndesApi.User streamer = api.newUser();
        String word = "free" + unique();
        created(ban(moderator, "name", "^" + word + "\\s+money", "regex", "Scam"));
        String url = mount.url("/" + unique() + ".ogg");
        assertRefused(add(streamer, word.toUpperCase() + "   Money Now", url, null), "Scam");
        assertAdded(add(streamer, "Not " + word + " money", url, null));

        OndesApi.Response invalid = ban(moderator, "name", "([unclosed", "regex", "x");
        assertEquals(400, invalid.status(), invalid.body());
        assertTrue(invalid.contentType().startsWith("application/problem+json"), invalid.contentType());
        assertTrue(String.valueOf(invalid.json().get("detail")).startsWith("value: is not a valid regular expression"),
                invalid.body());
        assertEquals("value", ((Map<?, ?>) ((List<?>) invalid.json().get("errors")).get(0)).get("name"));
    }

    @Test
    void aCatastrophicRegexIsRefusedInBoundedTimeWithoutHoldingUpOtherAdds() throws Exception {
        OndesApi.User streamer = api.newUser();
        OndesApi.User other = api.newUser();
        // (a+)+$ itself is decided quickly by Java 17's engine (it memoises that loop); this one still backtracks
        // exponentially: about 2^60 steps on the name below without the time bound
        String slow = "a".repeat(60) + "!";
        created(ban(moderator, "name", "(a+)+$", "regex", "Classic pattern"));
        long start = System.nanoTime();
        assertAdded(add(streamer, slow, mount.url("/" + unique() + ".ogg"), null));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "(a+)+$ answered at once");

        created(ban(moderator, "name", "^((a+)+)+$", "regex", "Pattern too slow to evaluate"));
        List<CompletableFuture<YpReplyHead>> catastrophic = new ArrayList<>();
        start = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            catastrophic.add(CompletableFuture.supplyAsync(() -> add(streamer, slow, mount.url("/" + unique() + ".ogg"), null)));
        }
        YpReplyHead meanwhile = add(other, "Ordinary Radio", mount.url("/" + unique() + ".ogg"), null);
        long ordinary = System.nanoTime() - start;
        assertAdded(meanwhile);
        for (CompletableFuture<YpReplyHead> f : catastrophic) {
            assertRefused(f.get(10, TimeUnit.SECONDS), "Pattern too slow to evaluate");
        }
        long all = System.nanoTime() - start;
        assertTrue(ordinary < TimeUnit.SECONDS.toNanos(3), "an ordinary add waited " + ordinary / 1_000_000 + " ms");
        assertTrue(all < TimeUnit.SECONDS.toNanos(5), "the catastrophic adds took " + all / 1_000_000 + " ms");
        for (Object r : (List<?>) api.get("/api/v1/moderation/bans?limit=200", moderator.bearer()).json().get("items")) {
            Map<?, ?> rule = (Map<?, ?>) r;
            if ("regex".equals(rule.get("syntax")) && String.valueOf(rule.get("value")).contains("(a+)+")) {
                api.send("DELETE", "/api/v1/moderation/bans/" + rule.get("id"), moderator.bearer(), null);
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAccountRuleRefusesItsTokensButTheAccountStillSignsInAndSeesWhy() {
        String name = "ban_" + unique();
        CookieClient browser = new CookieClient(base).signedUp(name);
        String bearer = api.login(name, CookieClient.PASSWORD);
        OndesApi.Response token = api.send("POST", "/api/v1/me/yp-tokens", bearer, "{\"label\":\"studio\"}");
        OndesApi.User banned = new OndesApi.User(name, bearer, 0, (String) token.json().get("ypUrl"));
        ListedStream live = ListedStream.announce(api, banned, mount, "Account FM " + unique(), "/" + unique() + ".ogg");
        OndesApi.User bystander = api.newUser();

        assertEquals(403, ban(moderator, "account", admin.username(), null, "x").status(), "nobody bans an admin");
        assertEquals(403, ban(moderator, "account", moderator.username(), null, "x").status(), "nor themselves");
        assertEquals(404, ban(moderator, "account", "nobody_" + unique(), null, "x").status());
        OndesApi.Response rule = ban(moderator, "account", name, null, "Repeated stream spam");
        created(rule);
        assertEquals(name, rule.json().get("value"));
        assertEquals(1, ((Number) rule.json().get("endedSessions")).intValue());
        assertNull(api.listedStream(live.listenUrl()));

        String url = mount.url("/" + unique() + ".ogg");
        assertRefused(add(banned, "Account FM", url, null), "Repeated stream spam");
        assertAdded(add(bystander, "Account FM", url, null));

        assertEquals(200, api.get("/api/v1/me/stations", api.login(name, CookieClient.PASSWORD)).status(),
                "not a suspension: the account signs in");
        List<Object> mine = api.get("/api/v1/me/stations", bearer).jsonList();
        Map<String, Object> session = (Map<String, Object>) ((List<?>) ((Map<String, Object>) mine.get(0)).get("sessions")).get(0);
        assertEquals("refused by this directory's moderators: Repeated stream spam", session.get("endReason"));
        String notice = Jsoup.parse(browser.get("/me").body()).select("[data-account-ban]").text();
        assertTrue(notice.contains("refuse new streams from your account: Repeated stream spam"), notice);
        assertEquals("Refused by the moderators", Jsoup.parse(browser.get("/me").body())
                .select("[data-session-id=" + session.get("id") + "] [data-state-label]").text());
    }

    @Test
    @SuppressWarnings("unchecked")
    void rulesAreListedLoggedAndDeletedAndDuplicatesAndBadInputRefused() throws Exception {
        String host = "listed-" + unique() + ".example.org";
        long id = created(ban(moderator, "host", host, null, "Listed reason"));
        OndesApi.Response duplicate = ban(admin, "host", host.toUpperCase() + ".", null, "again");
        assertEquals(409, duplicate.status(), duplicate.body());
        assertTrue(String.valueOf(duplicate.json().get("detail")).contains("rule " + id), duplicate.body());

        Map<String, Object> page = api.get("/api/v1/moderation/bans?limit=200", moderator.bearer()).json();
        Map<String, Object> listed = ((List<Map<String, Object>>) page.get("items")).stream()
                .filter(r -> ((Number) r.get("id")).longValue() == id).findFirst().orElseThrow();
        assertEquals("host", listed.get("kind"));
        assertEquals(host, listed.get("value"));
        assertEquals("Listed reason", listed.get("reason"));
        assertEquals(moderator.username(), listed.get("createdBy"));
        assertNull(listed.get("endedSessions"));

        assertEquals(204, api.send("DELETE", "/api/v1/moderation/bans/" + id, admin.bearer(), null).status());
        assertEquals(404, api.send("DELETE", "/api/v1/moderation/bans/" + id, admin.bearer(), null).status());
        assertEquals(400, api.send("DELETE", "/api/v1/moderation/bans/abc", admin.bearer(), null).status());
        try (Connection c = DriverManager.getConnection(db.get("datasources.default.url"),
                db.get("datasources.default.username"), db.get("datasources.default.password"));
             PreparedStatement ps = c.prepareStatement(
                "SELECT action, actor_name, subject, reason FROM mod_actions WHERE ban_id = ? ORDER BY id")) {
            ps.setLong(1, id);
            List<String> log = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    log.add(rs.getString(1) + " by " + rs.getString(2) + ": " + rs.getString(3) + " / " + rs.getString(4));
                }
            }
            assertEquals(List.of("create_ban by " + moderator.username() + ": host " + host + " / Listed reason",
                    "delete_ban by " + admin.username() + ": host " + host + " / null"), log);
        }

        Map<String, String> bad = Map.of(
                "{\"kind\":\"planet\",\"value\":\"x\",\"reason\":\"x\"}", "kind",
                "{\"kind\":\"host\",\"value\":\"x.example\",\"reason\":\"\"}", "reason",
                "{\"kind\":\"host\",\"value\":\"x.example\",\"syntax\":\"glob\",\"reason\":\"x\"}", "syntax",
                "{\"kind\":\"ip\",\"value\":\"0.0.0.0/0\",\"reason\":\"x\"}", "value",
                "{\"kind\":\"name\",\"value\":\"*\",\"reason\":\"x\"}", "value",
                "{}", "kind");
        bad.forEach((json, field) -> {
            OndesApi.Response r = api.send("POST", "/api/v1/moderation/bans", moderator.bearer(), json);
            assertEquals(400, r.status(), json + " -> " + r.body());
            assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
            assertTrue(String.valueOf(r.json().get("detail")).startsWith(field + ": "), r.body());
        });
        OndesApi.Response garbage = api.send("POST", "/api/v1/moderation/bans", moderator.bearer(), "{not json");
        assertEquals(400, garbage.status(), garbage.body());
    }
}
