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
import org.openqa.selenium.interactions.Actions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On a 360 px wide phone screen the pages do not scroll sideways, even with long names and URLs; the search, the
 * filters, the genre chips and the play buttons are reachable with the Tab key, show a visible focus ring and work
 * from the keyboard; icon-only buttons have names.
 */
@Tag("e2e")
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MobileLayoutBrowserIT {
    static final String LONG_NAME = "Radio" + "Supercalifragilisticexpialidocious".repeat(3) + " with a long name";
    OndesInstance ondes;
    FakeIcecastMount mount;
    Browser browser;
    ListedStream station;

    @BeforeAll
    void start() throws Exception {
        browser = Browser.start(360, 740);
        ondes = OndesInstance.startOwnPublicUrl();
        OndesApi api = ondes.api();
        mount = new FakeIcecastMount();
        OndesApi.User user = api.newUser();
        String url = mount.url("/a-very-long-mount-name-that-does-not-fit-on-a-phone-screen-at-all-" + "x".repeat(60) + ".mp3");
        station = ListedStream.announce(api, user, url, IcecastWire.add(LONG_NAME, "electronic, ambient, drone, jazz", url,
                "audio/mpeg", "", "320"));
        station.touch(api, user, "An Artist With A Very Long Name - " + "AndAnEvenLongerSongTitleWithoutSpaces".repeat(2), 12);
    }

    @AfterAll
    void stop() throws Exception {
        Closing.all(browser, mount, ondes);
    }

    @Test
    void homeAndStationPagesDoNotScrollSidewaysAt360Pixels() {
        assertEquals(360L, browser.js("return window.innerWidth;"));
        for (String path : List.of("/", "/?genre=jazz", "/stations/" + station.stationId())) {
            browser.open(ondes.baseUrl() + path);
            browser.await(Duration.ofSeconds(10), path + " shows the station", () -> browser.js(
                    "return document.querySelector('main').textContent.includes(arguments[0]);", LONG_NAME), Boolean.TRUE::equals);
            Object widths = browser.js("return [document.documentElement.scrollWidth, document.body.scrollWidth, window.innerWidth];");
            List<?> w = (List<?>) widths;
            long inner = ((Number) w.get(2)).longValue();
            assertTrue(((Number) w.get(0)).longValue() <= inner && ((Number) w.get(1)).longValue() <= inner,
                    path + " scrolls sideways: scrollWidth/body/innerWidth = " + widths);
        }
    }

    @Test
    void searchFiltersChipsAndPlayAreReachableByKeyboardWithVisibleFocus() {
        browser.open(ondes.baseUrl() + "/");
        String play = "[data-station-id='" + station.stationId() + "'] [data-play]";
        browser.await(Duration.ofSeconds(10), "the play button is offered", () -> browser.js(
                "return !document.querySelector(arguments[0]).hidden;", play), Boolean.TRUE::equals);
        List<String> reached = new ArrayList<>();
        List<String> unfocusedLooking = new ArrayList<>();
        for (int i = 0; i < 60 && !reached.contains("play"); i++) {
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            String which = String.valueOf(browser.js("""
                    const e = document.activeElement;
                    if (e.matches('#q')) return 'search';
                    if (e.matches('select[name=codec]')) return 'codec';
                    if (e.matches('select[name=bitrateMin]')) return 'bitrate';
                    if (e.matches('select[name=order]')) return 'order';
                    if (e.matches('nav.genre-filter a.chip')) return 'chip';
                    if (e.matches('[data-play]')) return 'play';
                    return e.tagName;
                    """));
            reached.add(which);
            Object ring = browser.js("""
                    const s = getComputedStyle(document.activeElement);
                    return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
                    """);
            if (!Boolean.TRUE.equals(ring) && !"BODY".equals(which)) {
                unfocusedLooking.add(which);
            }
        }
        assertTrue(reached.containsAll(List.of("search", "codec", "bitrate", "order", "chip", "play")), "Tab order: " + reached);
        assertTrue(unfocusedLooking.isEmpty(), "focused without a visible focus ring: " + unfocusedLooking);

        new Actions(browser.driver()).sendKeys(Keys.ENTER).perform(); // the focused play button
        browser.await(Duration.ofSeconds(10), "Enter on the play button starts the player",
                () -> browser.js("return document.querySelector('[data-player-station]').textContent;"), LONG_NAME::equals);
    }

    @Test
    void iconButtonsAndTheVolumeSliderHaveAccessibleNames() {
        browser.open(ondes.baseUrl() + "/stations/" + station.stationId());
        browser.await(Duration.ofSeconds(10), "the station page's scripts show the player and the copy button",
                () -> browser.js("return !document.querySelector('[data-player]').hidden && !document.querySelector('[data-copy]').hidden;"),
                Boolean.TRUE::equals);
        Object unnamed = browser.js("""
                return Array.from(document.querySelectorAll('button, input[type=range]'))
                  .filter(b => b.textContent.trim() === '' && !(b.getAttribute('aria-label') || '').trim())
                  .map(b => b.outerHTML);
                """);
        assertEquals(List.of(), unnamed);
        assertEquals("Play " + LONG_NAME, browser.js("return document.querySelector('[data-play]').getAttribute('aria-label');"));
        assertEquals("Volume", browser.js("return document.querySelector('[data-player-volume]').getAttribute('aria-label');"));
    }
}
