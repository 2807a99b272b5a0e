package org.ondes.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the e2e harness against a real icecast2 + ffmpeg, using a throwaway YP capture server
 * instead of Ondes: adds arrive at once after the SIGHUP trick, touches carry metadata and
 * listener counts, and stopping a source sends a remove.
 */
@Tag("e2e")
class IcecastHarnessIT {

    private static final String TOKEN = "HARNESS";
    private final long t0 = System.nanoTime();

    @TempDir
    Path workDir;

    @Test
    void icecastSendsAddTouchAndRemoveToTheDirectory() throws Exception {
        Binaries.require("icecast2", "ffmpeg");
        try (YpCapture yp = YpCapture.start();
             IcecastProcess ice = IcecastProcess.start(workDir)) {
            log("icecast up on %s (pid %d), capture on %s", ice.baseUrl(), ice.pid(), yp.url());
            try (FfmpegSource ogg = FfmpegSource.ogg(ice, "/h.ogg", "Harness Ogg", "Test Tones",
                         "A 440 Hz <b>sine</b> & friends", "http://example.org/ogg");
                 FfmpegSource mp3 = FfmpegSource.mp3(ice, "/h.mp3", "Harness MP3", "Jazz,Blues",
                         "MP3 sine", "http://example.org/mp3");
                 Listener listener = Listener.open(ice.listenUrl("/h.ogg"))) {
                log("sources live: %s, %s", ogg.listenUrl(), mp3.listenUrl());
                Await.until(Duration.ofSeconds(10), () -> ice.mountStatus("/h.ogg").orElse(""),
                        status -> status.contains("\"listeners\":1"),
                        () -> "listener " + listener + " not counted by icecast");
                log("listener counted (%d bytes so far)", listener.bytesRead());

                ice.addDirectory(yp.url(), 5);
                log("directory added, SIGHUP sent");

                YpRequest oggAdd = yp.await(Duration.ofSeconds(10), r -> r.isAdd() && r.param("listenurl").equals(ogg.listenUrl()));
                YpRequest mp3Add = yp.await(Duration.ofSeconds(10), r -> r.isAdd() && r.param("listenurl").equals(mp3.listenUrl()));
                log("adds arrived: ogg sid=%s, mp3 sid=%s", oggAdd.sid, mp3Add.sid);
                assertEquals("Harness Ogg", oggAdd.param("sn"));
                assertEquals("application/ogg", oggAdd.param("type"));
                assertEquals("Vorbis", oggAdd.param("stype"));
                assertEquals("A 440 Hz <b>sine</b> & friends", oggAdd.param("desc"));
                assertEquals("Harness MP3", mp3Add.param("sn"));
                assertEquals("audio/mpeg", mp3Add.param("type"));
                assertEquals("Jazz,Blues", mp3Add.param("genre"));

                // Before the first touch (5 s after the add), so normally that touch already carries it;
                // otherwise the next one, TouchFreq (30 s) later, must.
                long metadataSetAt = System.nanoTime();
                ice.setMetadata("/h.mp3", "Artist - Song");
                log("metadata set on /h.mp3");

                long lastAdd = Math.max(oggAdd.receivedAt, mp3Add.receivedAt);
                YpRequest oggTouch = yp.await(Duration.ofSeconds(10),
                        r -> r.isTouch() && oggAdd.sid.equals(r.param("sid")) && r.receivedAt > lastAdd);
                log("first touch for ogg after %.1f s: %s", (oggTouch.receivedAt - lastAdd) / 1e9, oggTouch.raw.trim());
                assertEquals("1", oggTouch.param("listeners"), "the Listener should be counted");
                assertEquals("Vorbis", oggTouch.param("stype"));

                YpRequest songTouch = yp.await(Duration.ofSeconds(40),
                        r -> r.isTouch() && mp3Add.sid.equals(r.param("sid")) && r.receivedAt > metadataSetAt
                                && r.raw.contains("st=Artist%20%2d%20Song"));
                log("touch with metadata for mp3 after %.1f s: %s", (songTouch.receivedAt - metadataSetAt) / 1e9,
                        songTouch.raw.trim());
                assertEquals("Artist - Song", songTouch.param("st"));

                long stoppedAt = System.nanoTime();
                mp3.stop();
                YpRequest remove = yp.await(Duration.ofSeconds(5),
                        r -> "remove".equals(r.param("action")) && mp3Add.sid.equals(r.param("sid")) && r.receivedAt > stoppedAt);
                log("remove for mp3 after %.1f s: %s", (remove.receivedAt - stoppedAt) / 1e9, remove.raw.trim());
                assertTrue(yp.requests().stream().noneMatch(r -> "remove".equals(r.param("action"))
                        && oggAdd.sid.equals(r.param("sid"))), "the Ogg mount must stay listed");
                log("done: %d YP requests in total", yp.requests().size());
            } catch (Throwable failure) {
                ice.dumpLogs();
                System.err.println("===== YP requests received =====\n" + yp.describe());
                throw failure;
            }
        }
    }

    private void log(String format, Object... args) {
        System.out.printf("[e2e +%5.1fs] %s%n", (System.nanoTime() - t0) / 1e9, String.format(format, args));
    }

    /** One raw YP request as icecast sent it. */
    static final class YpRequest {
        final long receivedAt;
        final String path;
        final String raw;
        final Map<String, String> params;
        final String sid;

        YpRequest(long receivedAt, String path, String raw, String sid) {
            this.receivedAt = receivedAt;
            this.path = path;
            this.raw = raw;
            this.params = decode(raw);
            this.sid = sid;
        }

        String param(String name) {
            return params.getOrDefault(name, "");
        }

        boolean isAdd() {
            return "add".equals(param("action"));
        }

        boolean isTouch() {
            return "touch".equals(param("action"));
        }

        private static Map<String, String> decode(String raw) {
            Map<String, String> map = new LinkedHashMap<>();
            String body = raw.strip();
            if (body.isEmpty()) {
                return map;
            }
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                map.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
            return map;
        }

        @Override
        public String toString() {
            return path + " " + raw.replace("\r\n", "\\r\\n") + (sid == null ? "" : " -> SID " + sid);
        }
    }

    /** Records every YP request and answers like a happy directory (fresh SID per add, TouchFreq 30). */
    static final class YpCapture implements AutoCloseable {
        private final HttpServer server;
        private final List<YpRequest> requests = new CopyOnWriteArrayList<>();
        private final long t0 = System.nanoTime();

        private YpCapture(HttpServer server) {
            this.server = server;
        }

        static YpCapture start() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", FreePorts.next()), 16);
            YpCapture capture = new YpCapture(server);
            server.createContext("/", capture::handle);
            server.setExecutor(Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "yp-capture");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return capture;
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/icecast/yp/" + TOKEN;
        }

        List<YpRequest> requests() {
            return Collections.unmodifiableList(new ArrayList<>(requests));
        }

        YpRequest await(Duration timeout, java.util.function.Predicate<YpRequest> match) {
            Optional<YpRequest> found = Await.until(timeout,
                    () -> requests.stream().filter(match).findFirst(), Optional::isPresent, this::describe);
            return found.orElseThrow();
        }

        String describe() {
            if (requests.isEmpty()) {
                return "(no YP requests at all)";
            }
            return requests.stream()
                    .map(r -> String.format("  +%5.1fs %s", (r.receivedAt - t0) / 1e9, r))
                    .collect(Collectors.joining("\n"));
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                long at = System.nanoTime();
                String raw = new String(body, StandardCharsets.ISO_8859_1);
                String action = YpRequest.decode(raw).getOrDefault("action", "");
                String sid = "add".equals(action) ? UUID.randomUUID().toString() : null;
                requests.add(new YpRequest(at, exchange.getRequestURI().getPath(), raw, sid));
                exchange.getResponseHeaders().add("Content-Type", "text/plain");
                exchange.getResponseHeaders().add("YPResponse", "1");
                exchange.getResponseHeaders().add("YPMessage", "ok");
                if (sid != null) {
                    exchange.getResponseHeaders().add("SID", sid);
                }
                exchange.getResponseHeaders().add("TouchFreq", "30");
                exchange.sendResponseHeaders(200, -1);
            }
        }

        @Override
        public void close() {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        }
    }
}
