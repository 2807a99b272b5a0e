package org.ondes.e2e;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ondes.testkit.Await;
import org.ondes.testkit.Binaries;
import org.ondes.testkit.FfmpegSource;
import org.ondes.testkit.FreePorts;
import org.ondes.testkit.IcecastProcess;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.OndesInstance;
import org.ondes.testkit.SseClient;
import org.ondes.testkit.TestDb;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Two Ondes instances on loopback ports, each with its own database; B follows A. A real icecast2 with ffmpeg sources
 * announces to A over YP: the streams appear in B's catalog and B's live feed marked as coming from A and playing from
 * the origin's Icecast; a song change reaches B; a stopped source leaves B; and when A is down, B lets the entries
 * go once A's refreshes stop (no stale entry), and after A is back nothing comes back that A no longer lists.
 */
@Tag("e2e")
class FederatedCatalogE2EIT {
    private static final String MP3 = "/fed.mp3";
    private static final String OGG = "/fed.ogg";
    private static final String FOLLOWING = "/api/v1/admin/federation/following";

    @Test
    void liveStreamsOfAFollowedInstanceComeAndGoInTheCatalog(@TempDir Path dir) throws Exception {
        Binaries.require("icecast2", "ffmpeg");
        TestDb.Schema dbA = TestDb.newSchema();
        int portA = FreePorts.next();
        int portB = FreePorts.next();
        String originA = "127.0.0.1:" + portA;
        Map<String, String> propsA = Map.of("ondes.public-url", "http://" + originA,
                "ondes.federation.allow-private-addresses", "true",
                "ondes.yp.touch-freq", "30", "ondes.yp.expiry-grace", "40",
                // refresh every 2 s, so B expires A's entries 6 s after A's refreshes stop
                "ondes.federation.live-refresh", "PT2S", "ondes.federation.live-update-min-interval", "PT1S");
        OndesInstance a = OndesInstance.start(dbA, portA, propsA);
        OndesInstance b = OndesInstance.start(TestDb.newSchema(), portB, Map.of(
                "ondes.public-url", "http://127.0.0.1:" + portB, "ondes.federation.allow-private-addresses", "true"));
        try (IcecastProcess ice = IcecastProcess.start(dir);
             FfmpegSource mp3 = FfmpegSource.mp3(ice, MP3, "Federated Night Owl", "Jazz,Blues", "Late jazz", "http://example.org/owl");
             FfmpegSource ogg = FfmpegSource.ogg(ice, OGG, "Federated Tones", "Test Tones", "A 440 Hz sine", "http://example.org/tones");
             SseClient feedB = SseClient.open(b.baseUrl(), "/api/v1/events")) {
            OndesApi apiA = a.api();
            OndesApi apiB = b.api();
            apiA.newUser(); // A's admin
            OndesApi.User adminB = apiB.newUser();
            OndesApi.Response follow = apiB.send("POST", FOLLOWING, adminB.bearer(), "{\"target\": \"" + originA + "\"}");
            assertEquals(201, follow.status(), follow.body());
            Await.until(Duration.ofSeconds(20), () -> apiB.get(FOLLOWING, adminB.bearer()).body(),
                    body -> body.contains("\"accepted\""), () -> "A never accepted B's follow");

            OndesApi.User streamer = apiA.newUser();
            ice.addDirectory(streamer.ypUrl(), 5);
            try {
                Map<?, ?> onA = await("A lists the MP3 mount", () -> apiA.listedStream(ice.listenUrl(MP3)),
                        Objects::nonNull, Duration.ofSeconds(30), apiA, apiB, ice);
                long listedOnA = System.nanoTime();
                assertNull(onA.get("origin"), "a local stream has no origin");
                Map<?, ?> onB = await("B lists A's MP3 mount", () -> apiB.listedStream(ice.listenUrl(MP3)),
                        Objects::nonNull, Duration.ofSeconds(20), apiA, apiB, ice);
                System.out.printf("FederatedCatalogE2EIT: a go-live listed on A reached B's catalog %d ms later%n",
                        (System.nanoTime() - listedOnA) / 1_000_000);
                assertEquals(originA, onB.get("origin"));
                assertEquals("Federated Night Owl", onB.get("name"));
                assertEquals(java.util.List.of("jazz", "blues"), onB.get("genres"));
                assertEquals(ice.listenUrl(MP3), onB.get("listenUrl"), "B's listeners play straight from A's Icecast");
                String stationOnB = (String) onB.get("id");
                feedB.await(Duration.ofSeconds(10), "live", stationOnB);
                Map<?, ?> station = apiB.get("/api/v1/stations/" + stationOnB, null).json();
                assertEquals(originA, station.get("origin"));
                assertNull(station.get("handle"), "B does not offer A's station as one of its own actors");
                String page = apiB.get("/stations/" + stationOnB, null).body();
                assertEquals(true, page.contains(originA), "B's station page names the origin instance");
                Map<?, ?> oggOnB = await("B lists A's Ogg mount", () -> apiB.listedStream(ice.listenUrl(OGG)),
                        Objects::nonNull, Duration.ofSeconds(20), apiA, apiB, ice);

                ice.setMetadata(MP3, "Remote Artist - Nocturne");
                await("the song change reaches B", () -> apiB.listedStream(ice.listenUrl(MP3)),
                        x -> x != null && "Remote Artist - Nocturne".equals(x.get("currentSong")), Duration.ofSeconds(75),
                        apiA, apiB, ice);
                feedB.await(Duration.ofSeconds(10), "nowPlaying", "Remote Artist - Nocturne");

                mp3.stop();
                await("the stopped source leaves B", () -> apiB.listedStream(ice.listenUrl(MP3)), Objects::isNull,
                        Duration.ofSeconds(30), apiA, apiB, ice);
                feedB.await(Duration.ofSeconds(10), "offline", stationOnB);
                assertNotNull(apiB.listedStream(ice.listenUrl(OGG)), "the other mount stays on B");

                // A goes down while the Ogg mount is live: its refreshes stop, so B lets the entry go
                a.close();
                await("B expires the entry of an instance that stopped refreshing",
                        () -> apiB.listedStream(ice.listenUrl(OGG)), Objects::isNull, Duration.ofSeconds(30), null, apiB, ice);
                feedB.await(Duration.ofSeconds(10), "offline", (String) oggOnB.get("id"));
                // ... the source stops meanwhile (Icecast's remove cannot reach A), then A comes back
                ogg.stop();
                a = OndesInstance.restart(dbA, portA, propsA);
                OndesApi restarted = a.api();
                await("A expires the session Icecast could not remove", () -> restarted.listedStream(ice.listenUrl(OGG)),
                        Objects::isNull, Duration.ofSeconds(90), restarted, apiB, ice);
                await("B has no stale entry once A is settled", () -> apiB.listedStream(ice.listenUrl(OGG)),
                        Objects::isNull, Duration.ofSeconds(15), restarted, apiB, ice);
                assertEquals(0, ((java.util.List<?>) apiB.get("/api/v1/streams", null).json().get("items")).size(),
                        () -> "B lists nothing of A any more: " + apiB.get("/api/v1/streams", null).body());
            } catch (AssertionError | RuntimeException e) {
                ice.dumpLogs();
                throw e;
            }
        } finally {
            a.close();
            b.close();
        }
    }

    private static <T> T await(String what, Supplier<T> probe, Predicate<T> ok, Duration timeout, OndesApi a, OndesApi b,
                               IcecastProcess ice) {
        return Await.until(timeout, probe, ok, () -> what + " did not happen.\nA's catalog: "
                + (a == null ? "(down)" : a.get("/api/v1/streams", null).body())
                + "\nB's catalog: " + b.get("/api/v1/streams", null).body()
                + "\nIcecast YP log:\n" + IcecastToCatalogIT.IcecastProcessLog.ypLines(ice.errorLog()));
    }
}
