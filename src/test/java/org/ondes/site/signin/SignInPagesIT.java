package org.ondes.site.signin;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.testkit.CookieClient;
import org.ondes.testkit.TestDb;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ondes.testkit.CookieClient.form;

/**
 * The sign-in and sign-up pages as a browser without JavaScript gets them: forms that carry the browser's CSRF token
 * and a checked {@code next}, errors in words tied to their fields, nothing typed into a URL shown back.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInPagesIT implements TestPropertyProvider {
    @Inject
    EmbeddedServer server;
    String base;

    @Override
    public Map<String, String> getProperties() {
        return TestDb.properties();
    }

    @BeforeAll
    void start() {
        base = "http://127.0.0.1:" + server.getPort();
    }

    private static String name() {
        return "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @Test
    void theSignUpFormCreatesAnAccountAndSignsIn() {
        CookieClient b = new CookieClient(base);
        CookieClient.Page page = b.get("/signup?next=/me/tokens");
        assertEquals(200, page.status(), page.toString());
        assertEquals("private, no-store", page.header("Cache-Control"), "the page carries a CSRF token");
        Document doc = Jsoup.parse(page.body());
        Element form = doc.selectFirst("main form");
        assertEquals("/signup", form.attr("action"));
        assertEquals("post", form.attr("method"));
        assertEquals(b.cookie("ondes_csrf"), form.select("input[name=_csrf]").attr("value"),
                "the form's token is the one of this browser's cookie");
        assertEquals("/me/tokens", form.select("input[name=next]").attr("value"));
        assertEquals("username", form.select("#username").attr("autocomplete"));
        assertEquals("new-password", form.select("#password").attr("autocomplete"));
        assertEquals("email", form.select("#email").attr("autocomplete"));
        assertEquals("password-hint", form.select("#password").attr("aria-describedby"));
        for (String field : new String[]{"username", "password", "email"}) {
            assertNotNull(form.selectFirst("label[for=" + field + "]"), field + " has no label");
        }
        assertEquals("/signin?next=%2Fme%2Ftokens", doc.select("main a[href^=/signin]").attr("href"));

        String user = name();
        CookieClient.Page posted = b.postForm("/signup", form("_csrf", form.select("input[name=_csrf]").attr("value"),
                "next", "/me/tokens", "username", user, "password", CookieClient.PASSWORD, "email", ""));
        assertEquals(303, posted.status(), posted.toString());
        assertEquals("/me/tokens", posted.location());
        Document tokens = Jsoup.parse(b.get("/me/tokens").body());
        assertEquals(user, tokens.select("[data-account-name]").text());
        assertEquals("/me/tokens", b.get("/signin?next=/me/tokens").location(), "signed in already: straight on");
        assertEquals("/me", b.get("/signup").location());
    }

    @Test
    void errorCodesAreShownInWordsAndTiedToTheirFields() {
        CookieClient b = new CookieClient(base);
        String user = name();
        b.signedUp(user);
        CookieClient other = new CookieClient(base);
        CookieClient.Page wrong = other.signIn(user, "not the password");
        assertEquals("/signin?error=credentials", wrong.location());
        Document doc = Jsoup.parse(other.get(wrong.location()).body());
        assertEquals("Wrong user name or password.", doc.select("#form-error[role=alert]").text());
        assertEquals("true", doc.select("#username").attr("aria-invalid"));
        assertEquals("form-error", doc.select("#password").attr("aria-describedby"));

        CookieClient.Page taken = other.signUp(user, CookieClient.PASSWORD);
        assertEquals("/signup?error=username_taken", taken.location());
        Document signUp = Jsoup.parse(other.get(taken.location()).body());
        assertEquals("This user name is taken. Please choose another one.", signUp.select("#form-error").text());
        assertEquals("username-hint form-error", signUp.select("#username").attr("aria-describedby"));
        assertEquals("true", signUp.select("#username").attr("aria-invalid"));
        assertEquals("", signUp.select("#password").attr("aria-invalid"));

        Document expired = Jsoup.parse(other.get("/signin?error=csrf").body());
        assertTrue(expired.select("#form-error").text().startsWith("The form had expired"));
        assertEquals("form-error", expired.select("#username").attr("aria-describedby"), "a form-wide error is tied to the first field");
    }

    @Test
    void nothingTypedIntoTheAddressIsShownBackOrFollowed() {
        CookieClient b = new CookieClient(base);
        String hostile = "/signin?error=%3Cscript%3Ealert(1)%3C%2Fscript%3E&next=%2F%2Fevil.example%2F";
        CookieClient.Page page = b.get(hostile);
        assertEquals(200, page.status());
        Document doc = Jsoup.parse(page.body());
        assertNull(doc.selectFirst("#form-error"), "unknown codes say nothing");
        assertFalse(page.body().contains("alert(1)") || page.body().contains("evil.example"), page.body());
        assertTrue(doc.select("input[name=next]").isEmpty(), "an unsafe next is dropped");
        assertEquals("/signup", doc.select("main a[href^=/signup]").attr("href"));
    }

    @Test
    void signInPagesCarryNoInlineScript() {
        for (String path : new String[]{"/signin", "/signup"}) {
            CookieClient.Page page = new CookieClient(base).get(path);
            assertTrue(page.header("Content-Security-Policy").contains("script-src 'self'"), path);
            Document doc = Jsoup.parse(page.body());
            assertTrue(doc.select("script:not([src])").isEmpty() && doc.select("[style], style").isEmpty(), path);
            assertEquals("page", doc.select(".site-nav a[href=" + path + "]").attr("aria-current"), path);
        }
    }
}
