package org.ondes.site.moderation;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.testkit.CookieClient;
import org.ondes.testkit.FreePorts;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.OndesInstance;
import org.ondes.testkit.TestDb;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ondes.testkit.CookieClient.form;

/**
 * The moderation page's registration part over plain HTTP: admins switch the mode (moderators cannot), moderators
 * approve and reject waiting accounts, create an invitation whose link is shown once and works, and revoke one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdmissionPagesIT {
    OndesInstance ondes;
    OndesApi api;
    CookieClient admin;
    CookieClient moderator;

    @BeforeAll
    void start() {
        ondes = OndesInstance.startOwnPublicUrl();
        api = ondes.api();
        admin = new CookieClient(ondes.baseUrl()).signedUp("root_" + suffix());
        String moderatorName = "mod_" + suffix();
        moderator = new CookieClient(ondes.baseUrl()).signedUp(moderatorName);
        assertEquals(200, admin.json("PUT", "/api/v1/admin/users/" + moderatorName + "/role", "{\"role\":\"moderator\"}",
                Map.of("X-CSRF-Token", admin.csrf())).status());
    }

    @AfterAll
    void stop() {
        ondes.close();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private Document page(CookieClient browser) {
        CookieClient.Page p = browser.get("/moderation");
        assertEquals(200, p.status(), p.toString());
        return Jsoup.parse(p.body());
    }

    private CookieClient.Page setMode(CookieClient browser, String mode) {
        return browser.postForm("/moderation/registration", form("_csrf", browser.csrf(), "mode", mode));
    }

    @Test
    void adminsSwitchTheModeAndModeratorsCannot() {
        assertNotNull(page(admin).selectFirst("[data-mode-form] select[name=mode]"));
        assertNull(page(moderator).selectFirst("[data-mode-form]"), "no switch for moderators");
        CookieClient.Page refused = setMode(moderator, "invite");
        assertEquals(403, refused.status(), refused.toString());
        assertEquals("Only admins set the registration mode.", Jsoup.parse(refused.body()).select("#admission-error").text());
        assertEquals("open", api.get("/api/v1/instance", null).json().get("registration"));

        CookieClient.Page set = setMode(admin, "invite");
        assertEquals("/moderation?done=mode_set#admission-heading", set.location(), set.toString());
        assertEquals("invite", api.get("/api/v1/instance", null).json().get("registration"));
        Document doc = page(admin);
        assertTrue(doc.select("[data-registration-mode]").text().startsWith("Invitation only"));
        assertEquals("invite", doc.select("[data-mode-form] option[selected]").attr("value"));
        assertEquals(400, setMode(admin, "everyone").status());
        assertEquals(303, setMode(admin, "open").status());
    }

    @Test
    void moderatorsApproveAndRejectWaitingAccounts() {
        assertEquals(303, setMode(admin, "approval").status());
        try {
            String waiting = "wait_" + suffix();
            String spam = "spam_" + suffix();
            for (String name : new String[]{waiting, spam}) {
                assertEquals("pending", api.send("POST", "/api/v1/accounts", null, "{\"username\":\"" + name
                        + "\",\"password\":\"" + CookieClient.PASSWORD + "\"}").json().get("state"));
            }
            Element row = page(moderator).selectFirst("[data-pending-accounts] li[data-username=" + waiting + "]");
            assertNotNull(row, "in the queue");
            Element approve = row.selectFirst("form:has([data-approve])");
            CookieClient.Page approved = moderator.postForm(approve.attr("action"),
                    form("_csrf", approve.select("input[name=_csrf]").attr("value")));
            assertEquals("/moderation?done=approved#admission-heading", approved.location(), approved.toString());
            assertNotNull(api.login(waiting, CookieClient.PASSWORD), "can sign in now");

            Element spamRow = page(moderator).selectFirst("[data-pending-accounts] li[data-username=" + spam + "]");
            Element reject = spamRow.selectFirst("form:has([data-reject])");
            assertEquals("/moderation?done=rejected#admission-heading", moderator.postForm(reject.attr("action"),
                    form("_csrf", moderator.csrf(), "reason", "spam name")).location());
            Document after = page(moderator);
            assertNull(after.selectFirst("[data-pending-accounts] li[data-username=" + spam + "]"));
            assertNull(after.selectFirst("[data-pending-accounts] li[data-username=" + waiting + "]"));
            assertEquals(401, api.send("POST", "/login", null, "{\"username\":\"" + spam + "\",\"password\":\""
                    + CookieClient.PASSWORD + "\"}").status());
            assertEquals(404, moderator.postForm(reject.attr("action"), form("_csrf", moderator.csrf())).status(),
                    "gone");
        } finally {
            setMode(admin, "open");
        }
    }

    @Test
    void anInvitationLinkIsShownOnceWorksAndCanBeRevoked() {
        CookieClient.Page created = moderator.postForm("/moderation/invites", form("_csrf", moderator.csrf(),
                "maxUses", "2", "expiresInHours", "48", "note", "for <b>Lou</b>"));
        assertEquals(200, created.status(), "the page itself, not a redirect with the link in a URL: " + created);
        Document doc = Jsoup.parse(created.body());
        String url = doc.select("[data-invite-url]").attr("value");
        assertTrue(url.startsWith(ondes.baseUrl() + "/signup?invite="), url);
        assertNull(page(moderator).selectFirst("[data-invite-url]"), "shown only once");

        CookieClient invitee = new CookieClient(ondes.baseUrl());
        String path = url.substring(ondes.baseUrl().length());
        Document signUp = Jsoup.parse(invitee.get(path).body());
        String code = signUp.select("main form input[name=invite]").attr("value");
        String name = "lou_" + suffix();
        assertEquals("/me", invitee.postForm("/signup", form("username", name, "password", CookieClient.PASSWORD,
                "invite", code, "_csrf", invitee.csrf())).location());

        Element item = page(moderator).select("[data-invites] li").stream()
                .filter(li -> li.text().contains("for <b>Lou</b>")).findFirst().orElseThrow();
        assertTrue(item.select("b").isEmpty(), "the note is text, not markup");
        assertEquals(name, item.select("[data-invite-used-by]").text());
        assertTrue(item.text().contains("1 of 2 uses"), item.text());
        Element revoke = item.selectFirst("form:has([data-revoke-invite])");
        assertEquals("/moderation?done=invite_revoked#admission-heading",
                moderator.postForm(revoke.attr("action"), form("_csrf", moderator.csrf())).location());
        Element revoked = page(moderator).selectFirst("[data-invites] li[data-invite-id=" + item.attr("data-invite-id") + "]");
        assertEquals("· Revoked", revoked.select("[data-invite-state]").text());
        assertNull(revoked.selectFirst("[data-revoke-invite]"));
        assertEquals(410, api.send("POST", "/api/v1/accounts", null, "{\"username\":\"late_" + suffix()
                + "\",\"password\":\"" + CookieClient.PASSWORD + "\",\"invite\":\"" + code + "\"}").status());
    }

    @Test
    void refusedInvitationFormsAreExplainedAndOnlyStaffPost() {
        CookieClient.Page bad = moderator.postForm("/moderation/invites", form("_csrf", moderator.csrf(),
                "maxUses", "0", "expiresInHours", "48", "note", "kept"));
        assertEquals(400, bad.status(), bad.toString());
        Document doc = Jsoup.parse(bad.body());
        assertTrue(doc.select("#admission-error").text().startsWith("MaxUses must be a whole number from 1 to 1000"),
                doc.select("#admission-error").text());
        assertEquals("kept", doc.select("#invite-note").attr("value"), "what was typed stays");

        CookieClient user = new CookieClient(ondes.baseUrl()).signedUp("plain_" + suffix());
        assertEquals(403, user.postForm("/moderation/invites", form("_csrf", user.csrf())).status());
        assertEquals("/signin?next=/moderation", new CookieClient(ondes.baseUrl())
                .postForm("/moderation/invites", form()).location());
        assertEquals(403, moderator.postForm("/moderation/invites", form("maxUses", "1")).status(), "no CSRF token");
    }
}
