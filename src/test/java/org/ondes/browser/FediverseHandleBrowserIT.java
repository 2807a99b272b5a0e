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

/**
 * A listener on a station's page in a real Chromium copies the station's fediverse handle with the Copy button: the
 * clipboard holds exactly the handle the API gives. Where the clipboard refuses (a browser that does not let the page
 * write it), the button selects the handle instead, ready to copy by hand, and says so.
 */
@Tag("e2e")
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FediverseHandleBrowserIT {
    static final Duration WAIT = Duration.ofSeconds(15);
    OndesInstance ondes;
    OndesApi api;
    Browser browser;
    FakeIcecastMount mount;
    ListedStream station;
    String handle;

    @BeforeAll
    void start() throws Exception {
        browser = Browser.start();
        ondes = OndesInstance.startOwnPublicUrl();
        api = ondes.api();
        mount = new FakeIcecastMount();
        OndesApi.User user = api.newUser();
        String url = mount.url("/handle.mp3");
        station = ListedStream.announce(api, user, url, IcecastWire.add("Copy Me FM", "talk", url, "audio/mpeg", "", "128"));
        handle = (String) api.get("/api/v1/stations/" + station.stationId(), null).json().get("handle");
    }

    @AfterAll
    void stop() throws Exception {
        Closing.all(browser, mount, ondes);
    }

    @Test
    void theCopyButtonPutsTheHandleOnTheClipboard() {
        assertEquals("@copy_me_fm@127.0.0.1:" + ondes.port(), handle);
        browser.grantClipboard(ondes.baseUrl());
        browser.open(ondes.baseUrl() + "/stations/" + station.stationId());
        browser.await(WAIT, "the Copy button, shown by the script", () -> browser.find("[data-copy='fediverse-handle']").isDisplayed(),
                shown -> shown);
        assertEquals(handle, text("[data-fediverse-handle]"));
        browser.find("[data-copy='fediverse-handle']").click();
        browser.await(WAIT, "the copy button's confirmation", () -> text("[data-fediverse] [data-copy-status]"),
                "Copied."::equals);
        assertEquals(handle, browser.clipboardText(), "the clipboard holds the handle the page shows");
    }

    @Test
    void withoutClipboardAccessTheButtonSelectsTheHandleForCopyingByHand() {
        browser.open(ondes.baseUrl() + "/stations/" + station.stationId());
        browser.await(WAIT, "the Copy button, shown by the script", () -> browser.find("[data-copy='fediverse-handle']").isDisplayed(),
                shown -> shown);
        // as in a browser that refuses the page the clipboard
        browser.js("Object.defineProperty(navigator, 'clipboard', {value: {writeText: () => Promise.reject(new Error('denied'))}});");
        browser.find("[data-copy='fediverse-handle']").click();
        String status = browser.await(WAIT, "the copy button's answer", () -> text("[data-fediverse] [data-copy-status]"),
                s -> !s.isEmpty());
        assertEquals(handle, browser.js("return window.getSelection().toString().trim();"),
                "the handle is selected, ready to copy");
        // Chromium still copies the selection for a click (document.execCommand), so the button can say so
        assertEquals("Copied.", status);
    }

    private String text(String css) {
        return String.valueOf(browser.js("const e = document.querySelector(arguments[0]); return e ? e.textContent.trim() : null;", css));
    }
}
