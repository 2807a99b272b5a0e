package org.ondes.site.signin;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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
 * The sign-up page under each registration mode, as a browser without JavaScript sees it: what it says about how
 * accounts are made, no form on an invite-only directory without an invitation, the invitation of a link carried
 * through the form (also when the form comes back with an error), and the approval notice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignUpModesPagesIT {
    OndesInstance ondes;
    OndesApi api;
    OndesApi.User admin;

    @BeforeAll
    void start() {
        ondes = OndesInstance.start(TestDb.newSchema(), FreePorts.next(), Map.of());
        api = ondes.api();
        admin = api.newUser();
    }

    @AfterEach
    void open() {
        mode("open");
    }

    @AfterAll
    void stop() {
        ondes.close();
    }

    private void mode(String mode) {
        assertEquals(200, api.send("PUT", "/api/v1/admin/registration", admin.bearer(), "{\"mode\":\"" + mode + "\"}")
                .status());
    }

    private String invite(String json) {
        OndesApi.Response r = api.send("POST", "/api/v1/moderation/invites", admin.bearer(), json);
        assertEquals(201, r.status(), r.body());
        String url = (String) r.json().get("url");
        return url.substring(url.indexOf("invite=") + 7);
    }

    private static String name() {
        return "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private Document page(CookieClient browser, String path) {
        CookieClient.Page p = browser.get(path);
        assertEquals(200, p.status(), p.toString());
        return Jsoup.parse(p.body());
    }

    @Test
    void anOpenDirectoryShowsTheFormWithoutARegistrationNote() {
        Document doc = page(new CookieClient(ondes.baseUrl()), "/signup");
        assertNotNull(doc.selectFirst("main form[action=/signup]"));
        assertNull(doc.selectFirst("[data-registration]"));
        assertNull(doc.selectFirst("input[name=invite]"));
    }

    @Test
    void anApprovalDirectorySaysSoAndANewAccountWaits() {
        mode("approval");
        CookieClient browser = new CookieClient(ondes.baseUrl());
        Document doc = page(browser, "/signup");
        assertTrue(doc.select("[data-registration]").text().startsWith("Moderators approve new accounts"),
                doc.select("main").text());
        String username = name();
        CookieClient.Page created = browser.signUp(username, CookieClient.PASSWORD);
        assertEquals("/signin?notice=pending", created.location(), created.toString());
        assertNull(browser.cookie("ondes_session"), "not signed in");
        assertTrue(page(browser, created.location()).select("[data-notice]").text()
                .startsWith("Your account was created. A moderator"));

        CookieClient.Page signIn = browser.signIn(username, CookieClient.PASSWORD);
        assertEquals("/signin?error=pending", signIn.location());
        assertEquals("Your account is waiting for a moderator's approval. You can sign in once it is approved.",
                page(browser, signIn.location()).select("#form-error").text());
    }

    @Test
    void anInviteOnlyDirectoryHasNoFormWithoutAnInvitationAndTakesOneFromTheLink() {
        mode("invite");
        CookieClient browser = new CookieClient(ondes.baseUrl());
        Document closed = page(browser, "/signup");
        assertNull(closed.selectFirst("main form"), "no form without an invitation");
        assertTrue(closed.select("[data-registration]").text().contains("by invitation only"));

        Document bogus = page(browser, "/signup?invite=%3Cb%3Enope%3C%2Fb%3E");
        assertNull(bogus.selectFirst("main form"));
        assertEquals("This invitation link is not valid. Check that you copied all of it.", bogus.select("#form-error").text());
        assertTrue(bogus.select("b").isEmpty(), "nothing from the URL is rendered as markup");

        String code = invite("{}");
        Document invited = page(browser, "/signup?invite=" + code);
        assertEquals(code, invited.select("main form input[name=invite]").attr("value"));
        assertTrue(invited.select("[data-registration]").text().startsWith("You were invited"));

        CookieClient.Page tooShort = browser.postForm("/signup", form("username", name(), "password", "short",
                "invite", code, "_csrf", browser.csrf()));
        assertEquals("/signup?invite=" + code + "&error=invalid_password", tooShort.location(),
                "the invitation stays with the form: " + tooShort);

        CookieClient.Page created = browser.postForm("/signup", form("username", name(), "password",
                CookieClient.PASSWORD, "invite", code, "_csrf", browser.csrf()));
        assertEquals(303, created.status(), created.toString());
        assertEquals("/me", created.location());
        assertNotNull(browser.cookie("ondes_session"), "signed in at once");

        CookieClient other = new CookieClient(ondes.baseUrl());
        Document used = page(other, "/signup?invite=" + code);
        assertNull(used.selectFirst("main form"));
        assertEquals("This invitation has been used as often as it allows. Ask for a new one.",
                used.select("#form-error").text());
        CookieClient.Page late = other.postForm("/signup", form("username", name(), "password", CookieClient.PASSWORD,
                "invite", code, "_csrf", other.csrf()));
        assertEquals("/signup?invite=" + code + "&error=invite_used_up", late.location());
        assertNull(other.cookie("ondes_session"));
    }

    @Test
    void aDeadInvitationOnAnOpenDirectoryIsExplainedAndTheFormStaysWithoutIt() {
        String code = invite("{}");
        long id = ((Number) ((java.util.List<?>) api.get("/api/v1/moderation/invites", admin.bearer()).json()
                .get("items")).stream().map(o -> (Map<?, ?>) o).findFirst().orElseThrow().get("id")).longValue();
        assertEquals(200, api.send("DELETE", "/api/v1/moderation/invites/" + id, admin.bearer(), null).status());
        Document doc = page(new CookieClient(ondes.baseUrl()), "/signup?invite=" + code);
        assertEquals("This invitation was withdrawn by the directory's moderators.", doc.select("#form-error").text());
        assertNotNull(doc.selectFirst("main form[action=/signup]"), "open registration still works");
        assertNull(doc.selectFirst("input[name=invite]"), "without the withdrawn invitation");
    }
}
