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

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The instance's first account (its admin) hides a live station from the moderation page in one Chromium, and an
 * anonymous listener in another sees it leave the list without reloading; its public page says it is not available.
 * Unhiding brings it back.
 */
@Tag("e2e")
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModeratorFlowBrowserIT {
    static final Duration WAIT = Duration.ofSeconds(15);
    OndesInstance ondes;
    FakeIcecastMount mount;
    Browser admin;
    Browser listener;

    @BeforeAll
    void start() throws Exception {
        admin = Browser.start();
        listener = Browser.start(360, 740);
        ondes = OndesInstance.startOwnPublicUrl();
        mount = new FakeIcecastMount();
    }

    @AfterAll
    void stop() throws Exception {
        Closing.all(admin, listener, mount, ondes);
    }

    @Test
    void theAdminHidesALiveStationListenersStopSeeingItAndUnhidingBringsItBack() {
        admin.open(ondes.baseUrl() + "/signup");
        admin.find("#username").sendKeys("operator");
        admin.find("#password").sendKeys("a long passphrase");
        admin.find("form[action='/signup'] button[type=submit]").click();
        admin.await(WAIT, "the admin is signed in", () -> admin.findAll(".site-nav a[href='/moderation']").size(), n -> n == 1);

        OndesApi api = ondes.api();
        OndesApi.User streamer = api.newUser();
        String url = mount.url("/pirate.mp3");
        ListedStream pirate = ListedStream.announce(api, streamer, url,
                IcecastWire.add("Pirate Radio", "rock", url, "audio/mpeg", "", "128"));
        String card = "main .cards [data-station-id='" + pirate.stationId() + "']";

        listener.open(ondes.baseUrl() + "/");
        listener.await(WAIT, "the listener sees the station", () -> count(listener, card), n -> n == 1);
        listener.js("window.__samePage = 'yes';");

        admin.find(".site-nav a[href='/moderation']").click();
        String row = "ul.mod-list li[data-station-id='" + pirate.stationId() + "']";
        admin.await(WAIT, "the station in the moderation list", () -> count(admin, row), n -> n >= 1);
        admin.find(row + " [data-hide-reason]").sendKeys("Rebroadcasts another station without permission");
        click(admin, row + " [data-hide]");
        admin.await(WAIT, "the hide is confirmed", () -> text(admin, "main [role=status]"),
                t -> t.startsWith("The station is hidden"));
        assertEquals("Hidden by operator", text(admin, "[data-hidden-stations] li[data-station-id='"
                + pirate.stationId() + "'] [data-mod-status]"));

        listener.await(WAIT, "the station leaves the listener's list without a reload", () -> count(listener, card), n -> n == 0);
        assertEquals("yes", listener.js("return window.__samePage;"));
        listener.open(ondes.baseUrl() + "/stations/" + pirate.stationId());
        assertTrue(text(listener, "main").contains("This station is not available."), listener.describe());

        listener.open(ondes.baseUrl() + "/");
        listener.js("window.__samePage = 'yes';");
        assertEquals(0L, count(listener, card));
        click(admin, "[data-hidden-stations] li[data-station-id='" + pirate.stationId() + "'] [data-unhide]");
        admin.await(WAIT, "the unhide is confirmed", () -> text(admin, "main [role=status]"),
                t -> t.startsWith("The station is public again"));
        listener.await(WAIT, "the station is back in the listener's list without a reload", () -> count(listener, card), n -> n == 1);
        assertEquals("yes", listener.js("return window.__samePage;"));
    }

    /** Scrolls the element to the middle of the window first, as a person would: the player bar covers the bottom. */
    private static void click(Browser b, String css) {
        b.js("document.querySelector(arguments[0]).scrollIntoView({block: 'center'});", css);
        b.find(css).click();
    }

    private static long count(Browser b, String css) {
        return ((Number) b.js("return document.querySelectorAll(arguments[0]).length;", css)).longValue();
    }

    private static String text(Browser b, String css) {
        return String.valueOf(b.js("const e = document.querySelector(arguments[0]); return e ? e.textContent.trim() : '';", css));
    }
}
