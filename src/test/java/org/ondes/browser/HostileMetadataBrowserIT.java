package org.ondes.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.ondes.testkit.Browser;
import org.ondes.testkit.Closing;
import org.ondes.testkit.FakeIcecastMount;
import org.ondes.testkit.IcecastWire;
import org.ondes.testkit.ListedStream;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.OndesInstance;
import org.openqa.selenium.NoAlertPresentException;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Stream metadata is untrusted: a station named like markup and songs carrying markup show those characters, and
 * nothing runs and no element is injected, whether the page was rendered by the server or updated live by script.
 */
@Tag("e2e")
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileMetadataBrowserIT {
    static final String NAME = "<img src=x onerror=alert(1)>";
    static final String SONG = "<script>alert(2)</script><img src=y onerror=alert(3)> & \"quotes\"";
    static final String LIVE_SONG = "</span><svg onload=alert(4)><b>bold</b>";
    static final String LIVE_NAME = "<iframe src=javascript:alert(5)></iframe>";
    static final Duration WAIT = Duration.ofSeconds(15);
    OndesInstance ondes;
    OndesApi api;
    OndesApi.User user;
    FakeIcecastMount mount;
    Browser browser;
    ListedStream hostile;

    @BeforeAll
    void start() throws Exception {
        browser = Browser.start();
        ondes = OndesInstance.startOwnPublicUrl();
        api = ondes.api();
        mount = new FakeIcecastMount();
        user = api.newUser();
        String url = mount.url("/hostile.mp3");
        hostile = ListedStream.announce(api, user, url, IcecastWire.add(NAME, "<b>genre</b>", url, "audio/mpeg", "", "128"));
        hostile.touch(api, user, SONG, 2);
        api.awaitListed(url, e -> SONG.equals(e.get("currentSong")));
    }

    @AfterAll
    void stop() throws Exception {
        Closing.all(browser, mount, ondes);
    }

    @Test
    @Order(1)
    void serverRenderedPagesShowMarkupAsText() {
        browser.open(ondes.baseUrl() + "/");
        String card = "[data-station-id='" + hostile.stationId() + "']";
        assertEquals(NAME, text(card + " .card-title a"));
        assertEquals(SONG, text(card + " [data-now-playing]"));
        assertNothingInjected();

        browser.open(ondes.baseUrl() + "/stations/" + hostile.stationId());
        assertEquals(NAME, text("main h1"));
        assertEquals(SONG, text("[data-recent-songs] li span"));
        assertEquals(NAME + " · Ondes", browser.driver().getTitle());
        assertNothingInjected();

        browser.open(ondes.baseUrl() + "/stations/" + hostile.stationId() + "/embed");
        assertEquals(NAME, text(".card-title a"));
        assertNothingInjected();
    }

    @Test
    @Order(2)
    void liveUpdatesAndThePlayerBarShowMarkupAsText() {
        browser.open(ondes.baseUrl() + "/");
        String card = "[data-station-id='" + hostile.stationId() + "']";
        browser.find(card + " [data-play]").click();
        assertEquals(NAME, text("[data-player-station]"));
        assertEquals(SONG, text("[data-player-song]"));

        hostile.touch(api, user, LIVE_SONG, 3);
        browser.await(WAIT, "the new title in the card", () -> text(card + " [data-now-playing]"), LIVE_SONG::equals);
        browser.await(WAIT, "the new title in the player bar", () -> text("[data-player-song]"), LIVE_SONG::equals);

        String url = mount.url("/hostile2.ogg");
        ListedStream second = ListedStream.announce(api, user, url, IcecastWire.add(LIVE_NAME, "x", url));
        browser.await(WAIT, "the station that went live is listed by name",
                () -> text("[data-station-id='" + second.stationId() + "'] .card-title a"), LIVE_NAME::equals);
        assertNothingInjected();
    }

    private void assertNothingInjected() {
        assertThrows(NoAlertPresentException.class, () -> browser.driver().switchTo().alert(), "an alert opened");
        assertEquals(0L, browser.js("return document.querySelectorAll('main img, main script, main iframe, main b, "
                + "[data-player] img, [data-player] svg[onload], main svg[onload]').length;"), browser.describe());
        String console = browser.console();
        assertFalse(console.contains("Refused to"), "markup reached the DOM and was stopped only by the CSP:\n" + console);
    }

    private String text(String css) {
        return String.valueOf(browser.js("const e = document.querySelector(arguments[0]); return e ? e.textContent.trim() : null;", css));
    }
}
