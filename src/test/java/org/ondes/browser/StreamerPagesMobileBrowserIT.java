package org.ondes.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The streamer and moderator pages on a 360 px phone screen: no sideways scrolling even with long names and URLs,
 * every form reachable with the Tab key with a visible focus ring, the profile form opened from the keyboard, buttons
 * with names, and nothing stopped by the Content-Security-Policy.
 */
@Tag("e2e")
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamerPagesMobileBrowserIT {
    static final Duration WAIT = Duration.ofSeconds(15);
    static final String LONG_NAME = "The" + "Extraordinarily".repeat(4) + "LongStationName of the night";
    OndesInstance ondes;
    FakeIcecastMount mount;
    Browser browser;

    @BeforeAll
    void start() throws Exception {
        browser = Browser.start(360, 740);
        ondes = OndesInstance.startOwnPublicUrl();
        mount = new FakeIcecastMount();
    }

    @AfterAll
    void stop() throws Exception {
        Closing.all(browser, mount, ondes);
    }

    @Test
    void streamerAndModeratorPagesFitAPhoneAndWorkFromTheKeyboard() {
        browser.open(ondes.baseUrl() + "/signup");
        assertNoSidewaysScrolling("/signup");
        browser.find("#username").sendKeys("night_owl");
        browser.find("#password").sendKeys("a long passphrase", Keys.ENTER);
        browser.await(WAIT, "signed in", () -> text("main h1"), "My stations"::equals);

        browser.open(ondes.baseUrl() + "/me/tokens");
        List<String> reached = tabUntil("#label", 30);
        new Actions(browser.driver()).sendKeys("phone", Keys.ENTER).perform();
        browser.await(WAIT, "the new token", () -> browser.findAll("#yp-url").size(), n -> n == 1);
        assertNoSidewaysScrolling("/me/tokens with a new token");
        assertEquals("created", browser.js("return document.activeElement.id;"), "focus moves to the new token");
        String ypUrl = browser.find("#yp-url").getAttribute("value");

        OndesApi api = ondes.api();
        String url = mount.url("/" + "a-mount-name-much-longer-than-a-phone-screen-".repeat(3) + ".mp3");
        ListedStream.announce(api, new OndesApi.User("night_owl", null, 0, ypUrl), url,
                IcecastWire.add(LONG_NAME, "ambient", url, "audio/mpeg", "", "128"));

        browser.open(ondes.baseUrl() + "/me");
        browser.await(WAIT, "the station", () -> text("[data-my-station] h2"), LONG_NAME::equals);
        assertNoSidewaysScrolling("/me");
        reached.addAll(tabUntil(".profile-edit summary", 40));
        new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
        assertEquals(true, browser.js("return document.querySelector('.profile-edit').open;"), "Enter opens the profile form");
        reached.addAll(tabUntil("input[name=displayName]", 3));

        browser.open(ondes.baseUrl() + "/moderation");
        assertNoSidewaysScrolling("/moderation");
        reached.addAll(tabUntil("#hide-station", 40));
        reached.addAll(tabUntil("[data-hide-reason]", 10));
        assertFalse(reached.contains("NO RING"), "focused without a visible focus ring: " + reached);

        Object unnamed = browser.js("""
                return Array.from(document.querySelectorAll('button'))
                  .filter(b => !b.hidden && b.textContent.trim() === '' && !(b.getAttribute('aria-label') || '').trim())
                  .map(b => b.outerHTML);
                """);
        assertEquals(List.of(), unnamed);
        String console = browser.console();
        assertFalse(console.contains("Refused to") || console.contains("Content Security Policy"), console);
    }

    /** Presses Tab until the element matching {@code css} has focus; records each stop, "NO RING" without a focus ring. */
    private List<String> tabUntil(String css, int maxTabs) {
        List<String> reached = new ArrayList<>();
        for (int i = 0; i < maxTabs; i++) {
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            Object stop = browser.js("""
                    const e = document.activeElement;
                    const s = getComputedStyle(e);
                    const ring = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
                    if (e === document.body) return 'BODY';
                    return ring ? (e.matches(arguments[0]) ? 'TARGET' : e.tagName) : 'NO RING';
                    """, css);
            reached.add(String.valueOf(stop));
            if ("TARGET".equals(stop)) {
                return reached;
            }
        }
        throw new AssertionError(css + " not reached with " + maxTabs + " Tabs: " + reached + "\n" + browser.describe());
    }

    private void assertNoSidewaysScrolling(String what) {
        List<?> w = (List<?>) browser.js("return [document.documentElement.scrollWidth, document.body.scrollWidth, window.innerWidth];");
        long inner = ((Number) w.get(2)).longValue();
        assertTrue(((Number) w.get(0)).longValue() <= inner && ((Number) w.get(1)).longValue() <= inner,
                what + " scrolls sideways: scrollWidth/body/innerWidth = " + w);
    }

    private String text(String css) {
        return String.valueOf(browser.js("const e = document.querySelector(arguments[0]); return e ? e.textContent.trim() : null;", css));
    }
}
