package org.ondes.browser;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ondes.testkit.Await;
import org.ondes.testkit.Binaries;
import org.ondes.testkit.Browser;
import org.ondes.testkit.FfmpegSource;
import org.ondes.testkit.FreePorts;
import org.ondes.testkit.IcecastProcess;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.OndesInstance;
import org.ondes.testkit.TestDb;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The real thing in a real browser: a real icecast2 with an ffmpeg source is listed in Ondes; pressing play in
 * Chromium plays the stream straight from Icecast, the player bar follows the title set at Icecast's admin, and
 * moving to another page keeps the audio going.
 *
 * <p>Timing: Ondes asks Icecast to touch every 30 s (the minimum Icecast accepts), and Icecast 2.4.4 sends a title
 * change with its next regular touch (it forces an early one only when the last touch is more than 60 s old), so the
 * new title reaches the player bar within about 30 s. The whole test takes 40 to 60 s.
 */
@Tag("e2e")
@Tag("browser")
class PlayerBrowserIT {
    static final String MOUNT = "/player.ogg";

    @Test
    void pressingPlayPlaysTheStreamFromIcecastFollowsItsTitleAndKeepsPlayingAcrossPages(@TempDir Path dir) throws Exception {
        Binaries.require("icecast2", "ffmpeg", "chromium", "chromedriver");
        int port = FreePorts.next();
        try (Browser browser = Browser.start();
             OndesInstance ondes = OndesInstance.start(TestDb.newSchema(), port,
                     Map.of("ondes.yp.touch-freq", "30", "ondes.public-url", "http://127.0.0.1:" + port));
             IcecastProcess ice = IcecastProcess.start(dir);
             FfmpegSource source = FfmpegSource.ogg(ice, MOUNT, "Sine Radio", "Test Tones", "A 440 Hz sine",
                     "http://example.org/sine")) {
            OndesApi api = ondes.api();
            OndesApi.User user = api.newUser();
            ice.setMetadata(MOUNT, "First Artist - First Song");
            ice.addDirectory(user.ypUrl(), 5);
            try {
                String stationId = (String) Await.until(Duration.ofSeconds(30), () -> api.listedStream(ice.listenUrl(MOUNT)),
                        m -> m != null && "First Artist - First Song".equals(m.get("currentSong")),
                        () -> "Icecast's stream is not listed with its title; catalog: " + api.get("/api/v1/streams", null).body())
                        .get("id");

                browser.open(ondes.baseUrl() + "/");
                browser.js("window.__samePage = 'yes';");
                String card = "[data-station-id='" + stationId + "']";
                browser.await(Duration.ofSeconds(10), "the card offers in-browser playback",
                        () -> browser.js("return !document.querySelector(arguments[0] + ' [data-badge-ok]').hidden;", card),
                        Boolean.TRUE::equals);
                browser.find(card + " [data-play]").click();

                double started = awaitPlaying(browser, 0.5, "pressing play starts the audio");
                assertEquals(ice.listenUrl(MOUNT), browser.js("return document.querySelector('[data-audio]').src;"),
                        "the browser plays the listen URL straight from Icecast");
                assertEquals("Sine Radio", text(browser, "[data-player-station]"));
                assertEquals("First Artist - First Song", text(browser, "[data-player-song]"));

                browser.find(card + " .card-title a").click(); // to the station page, without unloading the document
                browser.await(Duration.ofSeconds(10), "the station page is shown", () -> text(browser, "main h1"), "Sine Radio"::equals);
                awaitPlaying(browser, started + 1.5, "the audio keeps playing on the station page");
                assertEquals("yes", browser.js("return window.__samePage;"), "the page change must not reload the document");

                long changedAt = System.nanoTime();
                ice.setMetadata(MOUNT, "Second Artist - Second Song");
                browser.await(Duration.ofSeconds(50), "the player bar shows the title set at Icecast's admin",
                        () -> text(browser, "[data-player-song]"), "Second Artist - Second Song"::equals);
                System.out.printf("title change reached the player bar after %.1f s%n", (System.nanoTime() - changedAt) / 1e9);
                assertEquals("Second Artist - Second Song", text(browser, "main [data-now-playing]"), "and the station page");

                browser.driver().navigate().back();
                browser.await(Duration.ofSeconds(10), "the home page is back", () -> text(browser, "main h1"), "Live now"::equals);
                double now = currentTime(browser);
                awaitPlaying(browser, now + 1, "the audio keeps playing after going back");
                assertEquals("yes", browser.js("return window.__samePage;"));
            } catch (AssertionError | RuntimeException e) {
                ice.dumpLogs();
                System.err.println(source.stderrTail(10));
                throw e;
            }
        }
    }

    private static double awaitPlaying(Browser browser, double beyond, String what) {
        return browser.await(Duration.ofSeconds(20), what + " (audio.currentTime > " + beyond + ")",
                () -> currentTime(browser), t -> t > beyond);
    }

    private static double currentTime(Browser browser) {
        Object t = browser.js("const a = document.querySelector('[data-audio]'); return a.paused ? -1 : a.currentTime;");
        return ((Number) t).doubleValue();
    }

    private static String text(Browser browser, String css) {
        return String.valueOf(browser.js("const e = document.querySelector(arguments[0]); return e ? e.textContent.trim() : null;", css));
    }
}
