package org.ondes.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.testkit.Browser;
import org.ondes.testkit.Closing;
import org.ondes.testkit.FakeIcecastMount;
import org.ondes.testkit.IcecastWire;
import org.ondes.testkit.ListedStream;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.OndesInstance;
import org.openqa.selenium.Keys;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A listener browses what is live in a real Chromium: genre chips, the format filter and text search narrow the list
 * (page changes without unloading the document), and the list follows stations going live, changing title and going
 * offline without a reload.
 */
@Tag("e2e")
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowseAndSearchBrowserIT {
    static final Duration WAIT = Duration.ofSeconds(15);
    OndesInstance ondes;
    OndesApi api;
    OndesApi.User user;
    FakeIcecastMount mount;
    Browser browser;

    @BeforeAll
    void start() throws Exception {
        browser = Browser.start();
        ondes = OndesInstance.startOwnPublicUrl();
        api = ondes.api();
        mount = new FakeIcecastMount();
        user = api.newUser();
        announce("Jazz Corner", "jazz", "/jazz.mp3", "audio/mpeg", "", "128").touch(api, user, "Chet Baker - Almost Blue", 4);
        announce("Dub Club", "dub, reggae", "/dub.ogg", "application/ogg", "Vorbis", "96");
        announce("Morning Talk", "talk, news", "/talk.mp3", "audio/mpeg", "", "64");
    }

    @AfterAll
    void stop() throws Exception {
        Closing.all(browser, mount, ondes);
    }

    private ListedStream announce(String name, String genre, String path, String type, String codec, String bitrate) {
        String url = mount.url(path);
        return ListedStream.announce(api, user, url, IcecastWire.add(name, genre, url, type, codec, bitrate));
    }

    @Test
    void genreChipsFormatFilterAndSearchNarrowTheListWithoutReloadingThePage() {
        browser.open(ondes.baseUrl() + "/");
        awaitNames(List.of("Dub Club", "Jazz Corner", "Morning Talk"));
        browser.js("window.__samePage = 'yes';");

        chip("dub").click();
        awaitNames(List.of("Dub Club"));
        assertTrue(browser.driver().getCurrentUrl().endsWith("/?genre=dub"), browser.driver().getCurrentUrl());
        assertEquals("true", chip("dub").getAttribute("aria-current"));
        chip("dub").click(); // a selected chip removes its genre again
        awaitNames(List.of("Dub Club", "Jazz Corner", "Morning Talk"));

        browser.js("document.querySelector('select[name=codec]').value = 'MP3';");
        browser.find("form.search button[type=submit]").click();
        awaitNames(List.of("Jazz Corner", "Morning Talk"));
        assertTrue(browser.driver().getCurrentUrl().contains("codec=MP3"), browser.driver().getCurrentUrl());

        browser.find("#q").sendKeys("almost blue", Keys.ENTER); // matches the now-playing title
        awaitNames(List.of("Jazz Corner"));
        assertEquals("MP3", browser.js("return document.querySelector('select[name=codec]').value;"), "filters stay set");

        browser.driver().navigate().back();
        awaitNames(List.of("Jazz Corner", "Morning Talk"));
        assertEquals("yes", browser.js("return window.__samePage;"), "every step must stay in the same document");
    }

    @Test
    void theListFollowsStationsGoingLiveChangingTitleAndGoingOfflineWithoutAReload() {
        browser.open(ondes.baseUrl() + "/");
        awaitNames(List.of("Dub Club", "Jazz Corner", "Morning Talk"));
        browser.js("window.__samePage = 'yes';");

        ListedStream fresh = announce("Fresh Air", "ambient", "/fresh.ogg", "application/ogg", "Vorbis", "128");
        awaitNames(List.of("Dub Club", "Fresh Air", "Jazz Corner", "Morning Talk"));

        fresh.touch(api, user, "Brian Eno - An Ending", 3);
        browser.await(WAIT, "the new title shows in the card", () -> text(
                "[data-station-id='" + fresh.stationId() + "'] [data-now-playing]"), "Brian Eno - An Ending"::equals);
        browser.await(WAIT, "the listener count shows in the card", () -> text(
                "[data-station-id='" + fresh.stationId() + "'] [data-listeners]"), "3 listeners"::equals);

        assertTrue(fresh.remove(api, user).ok());
        awaitNames(List.of("Dub Club", "Jazz Corner", "Morning Talk"));
        assertEquals("yes", browser.js("return window.__samePage;"), "updates must not reload the page");
    }

    private org.openqa.selenium.WebElement chip(String genre) {
        return browser.findAll("nav.genre-filter a.chip").stream().filter(a -> a.getText().startsWith(genre))
                .findFirst().orElseThrow(() -> new AssertionError("no chip " + genre + "\n" + browser.describe()));
    }

    private String text(String css) {
        return String.valueOf(browser.js("const e = document.querySelector(arguments[0]); return e ? e.textContent : null;", css));
    }

    @SuppressWarnings("unchecked")
    private void awaitNames(List<String> expected) {
        browser.await(WAIT, "list shows " + expected, () -> ((List<Object>) browser.js(
                "return Array.from(document.querySelectorAll('main .cards .card-title')).map(e => e.textContent.trim()).sort();")),
                names -> names.equals(expected));
    }
}
