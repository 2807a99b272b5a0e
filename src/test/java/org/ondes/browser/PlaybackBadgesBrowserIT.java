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


import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Playback badges tell the truth: "Plays in this browser" only for a format Chromium says it can play and a stream
 * that the page's protocol does not block; otherwise "Open in your player" with the playlists, and the reason.
 */
@Tag("e2e")
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlaybackBadgesBrowserIT {
    OndesInstance ondes;
    FakeIcecastMount mount;
    Browser browser;
    ListedStream mp3;
    ListedStream nsv;

    @BeforeAll
    void start() throws Exception {
        browser = Browser.start();
        ondes = OndesInstance.startOwnPublicUrl();
        OndesApi api = ondes.api();
        mount = new FakeIcecastMount();
        OndesApi.User user = api.newUser();
        String a = mount.url("/a.mp3");
        mp3 = ListedStream.announce(api, user, a, IcecastWire.add("Plain MP3", "pop", a, "audio/mpeg", "", "128"));
        String b = mount.url("/b.nsv");
        nsv = ListedStream.announce(api, user, b, IcecastWire.add("Old NSV", "video", b, "video/nsv", "", "300"));
    }

    @AfterAll
    void stop() throws Exception {
        Closing.all(browser, mount, ondes);
    }

    @Test
    void aFormatTheBrowserPlaysGetsThePlayButtonAndOneItCannotGetsPlaylists() {
        browser.open(ondes.baseUrl() + "/");
        String ok = "[data-station-id='" + mp3.stationId() + "']";
        String no = "[data-station-id='" + nsv.stationId() + "']";
        browser.await(java.time.Duration.ofSeconds(10), "badges are decided", () -> visible(ok + " [data-badge-ok]"), Boolean.TRUE::equals);
        assertEquals(true, visible(ok + " [data-play]"));
        assertEquals(false, visible(ok + " [data-badge-ext]"));

        assertEquals(false, visible(no + " [data-play]"));
        assertEquals(false, visible(no + " [data-badge-ok]"));
        assertEquals(true, visible(no + " [data-badge-ext]"));
        assertEquals("Your browser cannot play this format in a page.",
                browser.js("return document.querySelector(arguments[0]).textContent;", no + " [data-badge-reason]"));
        assertEquals("/stations/" + nsv.stationId() + "/listen.m3u",
                browser.js("return document.querySelector(arguments[0]).getAttribute('href');", no + " [data-badge-ext] a"));
    }

    @Test
    void onAnHttpsPageOnlyHttpsStreamsPlayAndAreThenPreferred() {
        browser.open(ondes.baseUrl() + "/");
        Object verdicts = browser.jsAsync("""
                const done = arguments[arguments.length - 1];
                import('/static/js/playback.js').then((m) => {
                  const yes = () => 'maybe';
                  const http = { url: 'http://radio.example.org/live.mp3', type: 'audio/mpeg', sessionId: 'a' };
                  const https = { url: 'https://radio.example.org/live.mp3', type: 'audio/mpeg', sessionId: 'b' };
                  done([
                    m.choosePlayback([http], 'https:', yes).reason,
                    m.choosePlayback([http, https], 'https:', yes).sessionId,
                    m.choosePlayback([http, https], 'http:', yes).sessionId,
                    m.choosePlayback([https], 'https:', () => '').reason,
                  ]);
                });
                """);
        assertEquals(java.util.List.of(
                "This stream is not on https, so your browser blocks it on this https page.",
                "b", "a", "Your browser cannot play this format in a page."), verdicts);
    }

    private Object visible(String css) {
        return browser.js("const e = document.querySelector(arguments[0]); return !!e && e.offsetParent !== null;", css);
    }
}
