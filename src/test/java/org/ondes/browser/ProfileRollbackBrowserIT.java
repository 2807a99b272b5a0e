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
 * The instance's admin undoes a vandalised station name in Chromium: from the moderation page to the station's
 * profile history, one click on "Roll back" (the page changes without a reload, so the player would keep playing),
 * the station page shows the name from before, and the audit-log page lists the rollback.
 */
@Tag("e2e")
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProfileRollbackBrowserIT {
    static final Duration WAIT = Duration.ofSeconds(15);
    OndesInstance ondes;
    FakeIcecastMount mount;
    Browser admin;

    @BeforeAll
    void start() throws Exception {
        admin = Browser.start();
        ondes = OndesInstance.startOwnPublicUrl();
        mount = new FakeIcecastMount();
    }

    @AfterAll
    void stop() throws Exception {
        Closing.all(admin, mount, ondes);
    }

    @Test
    void theAdminRollsBackAVandalisedNameFromTheHistoryPageAndFindsItInTheAuditLog() {
        admin.open(ondes.baseUrl() + "/signup");
        admin.find("#username").sendKeys("operator");
        admin.find("#password").sendKeys("a long passphrase");
        admin.find("form[action='/signup'] button[type=submit]").click();
        admin.await(WAIT, "the admin is signed in", () -> admin.findAll(".site-nav a[href='/moderation']").size(), n -> n == 1);

        OndesApi api = ondes.api();
        OndesApi.User streamer = api.newUser();
        String url = mount.url("/calm.mp3");
        ListedStream calm = ListedStream.announce(api, streamer, url,
                IcecastWire.add("Calm Waves", "ambient", url, "audio/mpeg", "", "128"));
        assertEquals(200, api.send("PATCH", "/api/v1/me/stations/" + calm.stationId(), streamer.bearer(),
                "{\"displayName\": \"FREE PRIZES click here\"}").status());

        admin.find(".site-nav a[href='/moderation']").click();
        String row = "ul.mod-list li[data-station-id='" + calm.stationId() + "']";
        admin.await(WAIT, "the station in the moderation list", () -> count(admin, row), n -> n >= 1);
        admin.js("window.__samePage = 'yes';");
        click(admin, row + " a[data-history-link]");
        admin.await(WAIT, "the history page", () -> text(admin, "[data-profile-changes] dd[data-field=displayName] [data-after]"),
                t -> t.equals("FREE PRIZES click here"));
        click(admin, "[data-profile-changes] li [data-rollback]");
        admin.await(WAIT, "the rollback is confirmed", () -> text(admin, "main [role=status]"),
                t -> t.startsWith("The change is rolled back"));
        assertTrue(text(admin, "[data-profile-changes] li [data-change-what]").contains("Rollback of change #"));
        assertEquals("yes", admin.js("return window.__samePage;"), "no full page load on the way");

        admin.open(ondes.baseUrl() + "/stations/" + calm.stationId());
        assertEquals("Calm Waves", text(admin, "main h1"), admin.describe());

        admin.open(ondes.baseUrl() + "/moderation");
        click(admin, "a[data-audit-link]");
        admin.await(WAIT, "the audit log", () -> text(admin, "[data-audit-entries] li [data-entry-action]"),
                t -> t.equals("Rolled back a profile change"));
        assertEquals("operator", text(admin, "[data-audit-entries] li [data-entry-actor]"));
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
