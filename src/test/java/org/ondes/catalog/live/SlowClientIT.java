package org.ondes.catalog.live;

import org.junit.jupiter.api.Test;
import org.ondes.testkit.FakeIcecastMount;
import org.ondes.testkit.FreePorts;
import org.ondes.testkit.ListedStream;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.OndesInstance;
import org.ondes.testkit.SseClient;
import org.ondes.testkit.TestDb;
import org.ondes.testkit.YpReplyHead;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client that never reads must cost only its own bounded buffer: YP touches keep being answered, a client that
 * does read gets every event, and the stuck client, once it reads, finds a resync where its events were dropped.
 */
class SlowClientIT {
    private static final int STREAMS = 4;
    private static final int ROUNDS = 150;

    @Test
    void aClientThatNeverReadsBlocksNeitherIngestNorOtherClients() throws Exception {
        try (FakeIcecastMount mount = new FakeIcecastMount();
             OndesInstance ondes = OndesInstance.start(TestDb.newSchema(), FreePorts.next(),
                     // A small, fixed send buffer for connections of this server (Linux otherwise grows it to
                     // megabytes), so the bytes the kernel absorbs for the stuck client stay far below what the test
                     // sends, and what is left to hold is the application's own bounded buffer.
                     Map.of("ondes.events.client-buffer", "64",
                             "micronaut.server.netty.child-options.SO_SNDBUF", "8192"));
             Socket stuck = new Socket()) {
            OndesApi api = ondes.api();
            OndesApi.User user = api.newUser();
            List<ListedStream> streams = new ArrayList<>();
            for (int i = 0; i < STREAMS; i++) {
                streams.add(ListedStream.announce(api, user, mount, "Slow FM " + i, "/slow" + i + ".ogg"));
            }

            stuck.setReceiveBufferSize(1024);
            stuck.connect(new InetSocketAddress("127.0.0.1", ondes.port()), 5000);
            stuck.getOutputStream().write("GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            EventHub hub = ondes.context().getBean(EventHub.class);
            org.ondes.testkit.Await.until(Duration.ofSeconds(5), hub::clientCount, n -> n == 1, () -> "clients: " + hub.clientCount());

            try (SseClient reader = SseClient.open(ondes.baseUrl(), "/api/v1/events")) {
                String padding = "x".repeat(400);
                long slowest = 0;
                long t0 = System.nanoTime();
                int answered = 0;
                for (int round = 0; round < ROUNDS; round++) {
                    for (ListedStream s : streams) {
                        long t = System.nanoTime();
                        YpReplyHead r = s.touch(api, user, "Track " + round + " " + padding, round);
                        slowest = Math.max(slowest, System.nanoTime() - t);
                        assertTrue(r.ok(), r.raw());
                        answered++;
                    }
                }
                long totalMillis = (System.nanoTime() - t0) / 1_000_000;
                System.out.printf("%d touches answered in %d ms, slowest %d ms%n", answered, totalMillis, slowest / 1_000_000);
                assertEquals(STREAMS * ROUNDS, answered);

                for (ListedStream s : streams) {
                    reader.await(Duration.ofSeconds(15), "nowPlaying", s.sessionId() + "\",\"currentSong\":\"Track " + (ROUNDS - 1) + " ");
                }
                assertEquals(STREAMS * ROUNDS, reader.messages("nowPlaying").size(), "the reading client got every event");
                assertTrue(reader.messages("resync").isEmpty(), "the reading client was never resynced");
            }

            String seen = readFor(stuck, Duration.ofSeconds(3));
            int nowPlaying = count(seen, "event: nowPlaying\n");
            System.out.printf("the stuck client, reading at last, got %d bytes: %d nowPlaying, %d resync%n",
                    seen.length(), nowPlaying, count(seen, "event: resync\n"));
            assertTrue(seen.contains("event: resync\n"), "its dropped events were replaced by a resync");
            assertTrue(nowPlaying < STREAMS * ROUNDS, "it did not get every event: " + nowPlaying);
        }
    }

    private static String readFor(Socket socket, Duration d) throws Exception {
        socket.setSoTimeout(200);
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        long deadline = System.nanoTime() + d.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                int n = in.read(buf);
                if (n < 0) {
                    break;
                }
                out.write(buf, 0, n);
            } catch (SocketTimeoutException e) {
                // keep reading until the deadline
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
