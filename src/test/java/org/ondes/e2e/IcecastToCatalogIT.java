package org.ondes.e2e;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ondes.testkit.Await;
import org.ondes.testkit.Binaries;
import org.ondes.testkit.FfmpegSource;
import org.ondes.testkit.FreePorts;
import org.ondes.testkit.IcecastProcess;
import org.ondes.testkit.Listener;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.OndesInstance;
import org.ondes.testkit.TestDb;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real thing: Debian's icecast2 with ffmpeg sources announces to Ondes over YP; the catalog follows names,
 * genres, codecs, song titles and listener counts, survives an Ondes restart mid-stream, and drops a stream when its
 * source stops.
 */
@Tag("e2e")
class IcecastToCatalogIT {
    private static final String OGG = "/e2e.ogg";
    private static final String MP3 = "/e2e.mp3";

    @Test
    void icecastStreamsAreListedFollowedAndRemovedAcrossAnOndesRestart(@TempDir Path dir) throws Exception {
        Binaries.require("icecast2", "ffmpeg");
        TestDb.Schema db = TestDb.newSchema();
        int port = FreePorts.next();
        Map<String, String> props = Map.of("ondes.yp.touch-freq", "30", "ondes.public-url", "http://127.0.0.1:" + port);
        OndesInstance ondes = OndesInstance.start(db, port, props);
        try (IcecastProcess ice = IcecastProcess.start(dir);
             FfmpegSource ogg = FfmpegSource.ogg(ice, OGG, "Ondes E2E Ogg", "Test Tones", "A 440 Hz <b>sine</b>", "http://example.org/ogg");
             FfmpegSource mp3 = FfmpegSource.mp3(ice, MP3, "Ondes E2E MP3", "Jazz,Blues", "A 660 Hz sine", "http://example.org/mp3")) {
            OndesApi api = ondes.api();
            OndesApi.User user = api.newUser();
            ice.addDirectory(user.ypUrl(), 5);
            try {
                Map<?, ?> oggItem = await(api, ice, "both mounts listed", () -> item(api, ice.listenUrl(OGG)),
                        x -> x != null && item(api, ice.listenUrl(MP3)) != null, Duration.ofSeconds(30));
                assertEquals("Ondes E2E Ogg", oggItem.get("name"));
                assertEquals(List.of("test", "tones"), oggItem.get("genres"));
                assertEquals("A 440 Hz sine", oggItem.get("description"));
                assertEquals("Vorbis", oggItem.get("codec"));
                assertEquals(96, oggItem.get("bitrate"));
                Map<?, ?> mp3Item = item(api, ice.listenUrl(MP3));
                assertEquals("Ondes E2E MP3", mp3Item.get("name"));
                assertEquals(List.of("jazz", "blues"), mp3Item.get("genres"));
                assertEquals("MP3", mp3Item.get("codec"));
                assertEquals("audio/mpeg", mp3Item.get("contentType"));
                // ffmpeg's MP3 source sends no bitrate header, so Icecast 2.4.4 announces "b=" (as in the capture)
                assertEquals(null, mp3Item.get("bitrate"));

                ice.setMetadata(MP3, "Ondes Artist - Première Chanson");
                try (Listener listener = Listener.open(ice.listenUrl(OGG))) {
                    await(api, ice, "song title and listener count follow the touches", () -> item(api, ice.listenUrl(MP3)),
                            x -> x != null && "Ondes Artist - Première Chanson".equals(x.get("currentSong"))
                                    && listeners(api, ice.listenUrl(OGG)) >= 1, Duration.ofSeconds(75));

                    // Restart Ondes right after a touch so the next touch meets the new process. Touches are
                    // observed in the owner's view, which reads the live session itself.
                    Object touchBefore = api.ownSession(user.bearer(), ice.listenUrl(OGG)).get("lastTouchAt");
                    await(api, ice, "a fresh touch before the restart", () -> api.ownSession(user.bearer(), ice.listenUrl(OGG)),
                            x -> x != null && !Objects.equals(touchBefore, x.get("lastTouchAt")), Duration.ofSeconds(45));
                    Object touchAtRestart = api.ownSession(user.bearer(), ice.listenUrl(OGG)).get("lastTouchAt");
                    ondes.close();
                    ondes = OndesInstance.restart(db, port, props);
                    OndesApi restarted = ondes.api();
                    Map<?, ?> after = await(restarted, ice, "touches continue after the restart",
                            () -> restarted.ownSession(user.bearer(), ice.listenUrl(OGG)),
                            x -> x != null && !Objects.equals(touchAtRestart, x.get("lastTouchAt")), Duration.ofSeconds(45));
                    assertEquals("listed", after.get("state"), String.valueOf(after));
                    assertTrue(((Number) after.get("listeners")).intValue() >= 1, String.valueOf(after));
                    assertNotNull(item(restarted, ice.listenUrl(OGG)), "still in the catalog after the restart");
                    assertFalse(ice.errorLog().contains("YP touch on"), "no touch failed:\n" + ice.errorLog());
                }

                mp3.stop();
                OndesApi current = ondes.api();
                await(current, ice, "the stopped source leaves the catalog", () -> item(current, ice.listenUrl(MP3)),
                        Objects::isNull, Duration.ofSeconds(45));
                assertNotNull(item(current, ice.listenUrl(OGG)), "the other mount stays listed");
            } catch (AssertionError | RuntimeException e) {
                ice.dumpLogs();
                throw e;
            }
        } finally {
            ondes.close();
        }
    }

    private static <T> T await(OndesApi api, IcecastProcess ice, String what, java.util.function.Supplier<T> probe,
                               java.util.function.Predicate<T> ok, Duration timeout) {
        return Await.until(timeout, probe, ok, () -> what + " did not happen. Catalog: " + api.get("/api/v1/streams", null).body()
                + "\nIcecast YP log:\n" + IcecastProcessLog.ypLines(ice.errorLog()));
    }

    private static int listeners(OndesApi api, String listenUrl) {
        Map<?, ?> item = item(api, listenUrl);
        return item == null ? -1 : ((Number) item.get("listeners")).intValue();
    }

    static Map<?, ?> item(OndesApi api, String listenUrl) {
        return api.listedStream(listenUrl);
    }

    /** Icecast's YP-related log lines, for failure messages. */
    static final class IcecastProcessLog {
        static String ypLines(String log) {
            StringBuilder b = new StringBuilder();
            for (String line : log.split("\n")) {
                if (line.contains(" yp/")) {
                    b.append(line).append('\n');
                }
            }
            return b.toString();
        }
    }
}
