package org.ondes.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.testkit.Browser;
import org.ondes.testkit.Closing;
import org.ondes.testkit.FakeIcecastMount;
import org.ondes.testkit.FreePorts;
import org.ondes.testkit.IcecastWire;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.OndesInstance;
import org.ondes.testkit.YpReplyHead;

import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A streamer's first steps in a real Chromium: sign up through the form, create a YP token, copy its URL with the
 * copy button (checked by reading the clipboard), announce a stream with it, and watch the stations page show the
 * session as pending and then listed without reloading.
 */
@Tag("e2e")
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamerFlowBrowserIT {
    static final Duration WAIT = Duration.ofSeconds(15);
    OndesInstance ondes;
    OndesApi api;
    Browser browser;
    FakeIcecastMount mount;

    @BeforeAll
    void start() {
        browser = Browser.start();
        ondes = OndesInstance.startOwnPublicUrl();
        api = ondes.api();
    }

    @AfterAll
    void stop() throws Exception {
        Closing.all(browser, mount, ondes);
    }

    @Test
    void aStreamerSignsUpCopiesTheYpUrlAndSeesTheStreamGoFromPendingToListed() throws Exception {
        String name = "dj_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        browser.grantClipboard(ondes.baseUrl());
        browser.open(ondes.baseUrl() + "/");
        browser.js("window.__samePage = 'yes';");

        link("Sign up").click();
        browser.await(WAIT, "the sign-up form", () -> browser.findAll("form[action='/signup'] #username").size(), n -> n == 1);
        browser.find("#username").sendKeys(name);
        browser.find("#password").sendKeys("a long passphrase");
        browser.find("form[action='/signup'] button[type=submit]").click();
        browser.await(WAIT, "the stations page after signing up", () -> text("main h1"), "My stations"::equals);
        assertEquals(name, text("[data-account-name]"), "the header shows the account");
        assertTrue(browser.driver().getCurrentUrl().endsWith("/me"), browser.driver().getCurrentUrl());

        link("YP tokens").click();
        browser.await(WAIT, "the tokens page", () -> browser.findAll("#label").size(), n -> n == 1);
        browser.find("#label").sendKeys("home studio");
        browser.find("form[action='/me/tokens'] button[type=submit]").click();
        browser.await(WAIT, "the new token's URL", () -> browser.findAll("#yp-url").size(), n -> n == 1);
        String ypUrl = browser.find("#yp-url").getAttribute("value");
        assertTrue(ypUrl.startsWith(ondes.baseUrl() + "/api/icecast/yp/"), ypUrl);

        browser.find("[data-copy='yp-url']").click();
        browser.await(WAIT, "the copy button's confirmation",
                () -> text("#created .copy-group [data-copy-status]"), "Copied."::equals);
        assertEquals(ypUrl, browser.clipboardText(), "the clipboard holds the URL the page shows");

        link("My stations").click();
        browser.await(WAIT, "the empty stations page", () -> browser.findAll("[data-no-stations]").size(), n -> n == 1);

        // nothing listens on this port yet: the first listen-URL check fails and the session stays pending
        int port = FreePorts.next();
        String listenUrl = "http://127.0.0.1:" + port + "/live.mp3";
        String token = ypUrl.substring(ypUrl.lastIndexOf('/') + 1);
        YpReplyHead added = YpReplyHead.parse(api.ypRaw(token,
                IcecastWire.add("Browser Radio", "electronic", listenUrl, "audio/mpeg", "", "128")));
        assertTrue(added.ok(), added.raw());

        String session = "[data-my-station] [data-session-id]";
        browser.await(WAIT, "the new session shows as pending", () -> attribute(session, "data-state"), "pending"::equals);
        assertEquals("Browser Radio", text("[data-my-station] h2"));
        assertEquals("Pending", text(session + " [data-state-label]"));

        mount = new FakeIcecastMount(port);
        browser.await(Duration.ofSeconds(30), "the session shows as listed once its listen URL answers",
                () -> attribute(session, "data-state"), "listed"::equals);
        assertEquals("Listed", text(session + " [data-state-label]"));
        assertEquals(listenUrl, text(session + " a.url"));
        assertEquals("yes", browser.js("return window.__samePage;"), "every step stayed in one document, without a reload");
    }

    private org.openqa.selenium.WebElement link(String text) {
        return browser.findAll("a").stream().filter(a -> text.equals(a.getText().trim())).findFirst()
                .orElseThrow(() -> new AssertionError("no link " + text + "\n" + browser.describe()));
    }

    private String text(String css) {
        return String.valueOf(browser.js("const e = document.querySelector(arguments[0]); return e ? e.textContent.trim() : null;", css));
    }

    private String attribute(String css, String name) {
        return String.valueOf(browser.js("const e = document.querySelector(arguments[0]); return e ? e.getAttribute(arguments[1]) : null;",
                css, name));
    }
}
