package org.ondes.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.ondes.testkit.FreePorts;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.OndesInstance;
import org.ondes.testkit.TestDb;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Live-feed fan-out: 10,000 concurrent SSE clients (in a separate process, {@link SseSwarm}) subscribed to the whole
 * feed; a YP touch changes one stream's title and the benchmark measures, from the moment the touch is sent, when each
 * client has the {@code nowPlaying} event (through the real path: touch batcher, PostgreSQL, the stored event,
 * LISTEN/NOTIFY, the hub). It also measures YP touch latency at 1,000 touches/s without any SSE client and again while
 * the 10,000 clients are connected and titles keep changing, to show whether fan-out slows ingest. For that second
 * part the client process is lowered to the least CPU priority ({@code renice 19}): in production listeners are on
 * other machines, and here reading 10,000 sockets on the same two cores would be billed to the server. (A niced reader
 * also reads later, so fan-out times measured during that phase are upper bounds.)
 * Run with {@code mvn -B -Pbench verify -Dit.test=SseFanoutBench}.
 */
@Tag("bench")
class SseFanoutBench {
    private static final int CLIENTS = Integer.getInteger("bench.sse.clients", 10_000);
    private static final int SESSIONS = 4_096;
    private static final int CHANGES = 20;
    private static final int CHANGES_UNDER_LOAD = 20;
    private static final double TOUCH_RATE = 1_000;

    @Test
    void tenThousandClientsGetANowPlayingChange() throws Exception {
        TestDb.Schema db = TestDb.newSchema();
        int port = FreePorts.next();
        try (OndesInstance ondes = OndesInstance.start(db, port, Map.of("ondes.jobs.enabled", "false"))) {
            OndesApi.User user = ondes.api().newUser();
            seed(db, user.tokenId());
            String ypPath = "/api/icecast/yp/" + user.ypToken();
            LoadGenerator load = new LoadGenerator(port);
            List<String> out = new ArrayList<>();
            out.add("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, JDK " + System.getProperty("java.version")
                    + "; PostgreSQL, the server and the client process on the same machine");
            // Touches that change nothing a listener sees (same title, same count): pure ingest work, no events.
            IntFunction<IntFunction<byte[]>> quiet = conn -> i -> load.post(ypPath,
                    ("action=touch&sid=FANOUT-" + Math.floorMod(conn + i * 16, SESSIONS) + "&st=Steady&listeners=5"
                            + "&max_listeners=100&stype=\r\n").getBytes(StandardCharsets.US_ASCII));
            load.run("warm-up", 16, 0, 5, quiet);
            LoadGenerator.Result baseline = load.run("touches 1000/s, no SSE client", 16, TOUCH_RATE, 10, quiet);
            out.add(baseline.row());

            Process swarm = new ProcessBuilder(javaBin(), "-Xss256k", "-cp", classPath(), SseSwarm.class.getName(),
                    Integer.toString(port), Integer.toString(CLIENTS), Integer.toString(CHANGES + CHANGES_UNDER_LOAD + 1))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try {
                BufferedReader swarmOut = new BufferedReader(new InputStreamReader(swarm.getInputStream(), StandardCharsets.US_ASCII));
                Writer swarmIn = new OutputStreamWriter(swarm.getOutputStream(), StandardCharsets.US_ASCII);
                long t0 = System.nanoTime();
                String ready = swarmOut.readLine();
                out.add(String.format("%s of %d clients connected in %.1f s (server counts %s)", ready, CLIENTS,
                        (System.nanoTime() - t0) / 1e9, clientCount(ondes)));

                long[] sentAt = new long[CHANGES + CHANGES_UNDER_LOAD + 1];
                for (int k = 1; k <= CHANGES; k++) {
                    sentAt[k] = change(ondes.api(), user, k);
                    Thread.sleep(1_000);
                }
                Thread.sleep(2_000);
                out.addAll(fanout("idle server", swarmOut, swarmIn, sentAt, 1, CHANGES));

                new ProcessBuilder("renice", "-n", "19", "-p", Long.toString(swarm.pid())).inheritIO().start().waitFor();
                Thread changer = new Thread(() -> {
                    try {
                        for (int k = CHANGES + 1; k <= CHANGES + CHANGES_UNDER_LOAD; k++) {
                            sentAt[k] = change(ondes.api(), user, k);
                            Thread.sleep(500);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "bench-changer");
                changer.start();
                LoadGenerator.Result loaded = load.run("touches 1000/s, " + CLIENTS + " SSE clients", 16, TOUCH_RATE, 10, quiet);
                changer.join();
                Thread.sleep(2_000);
                out.add(loaded.row() + String.format("   (p50 x%.2f, p99 x%.2f of the baseline)",
                        loaded.p50Ms() / baseline.p50Ms(), loaded.p99Ms() / baseline.p99Ms()));
                out.addAll(fanout("during 1000 touches/s, clients reniced", swarmOut, swarmIn, sentAt, CHANGES + 1, CHANGES + CHANGES_UNDER_LOAD));
                swarmIn.write("QUIT\n");
                swarmIn.flush();
            } finally {
                swarm.destroy();
                swarm.waitFor(10, TimeUnit.SECONDS);
            }
            out.forEach(System.out::println);
            Path report = Path.of("target", "bench", "sse-fanout.txt");
            Files.createDirectories(report.getParent());
            Files.write(report, out, StandardCharsets.UTF_8);
        }
    }

    /** Sends the touch that changes session 0's title to FanoutSong-k-…; returns when it was sent. */
    private static long change(OndesApi api, OndesApi.User user, int k) {
        long at = System.nanoTime();
        String body = "action=touch&sid=FANOUT-0&st=FanoutSong-" + k + "-%20live&listeners=" + k + "&max_listeners=100&stype=\r\n";
        api.ypRaw(user.ypToken(), body.getBytes(StandardCharsets.US_ASCII));
        return at;
    }

    /** Per change: clients reached, and the time from the touch until the median, 99th percentile and last client. */
    private static List<String> fanout(String label, BufferedReader swarmOut, Writer swarmIn, long[] sentAt, int from, int to)
            throws Exception {
        swarmIn.write("REPORT " + to + "\n");
        swarmIn.flush();
        List<String> rows = new ArrayList<>();
        double[] lasts = new double[to - from + 1];
        double[] p99s = new double[to - from + 1];
        long minReached = Long.MAX_VALUE;
        String line;
        while (!(line = swarmOut.readLine()).equals("END")) {
            String[] f = line.split(" ");
            int song = Integer.parseInt(f[1]);
            if (song < from || song > to) {
                continue;
            }
            long received = Long.parseLong(f[2]);
            minReached = Math.min(minReached, received);
            p99s[song - from] = (Long.parseLong(f[4]) - sentAt[song]) / 1e6;
            lasts[song - from] = (Long.parseLong(f[5]) - sentAt[song]) / 1e6;
        }
        Arrays.sort(lasts);
        Arrays.sort(p99s);
        rows.add(String.format("fan-out, %s: %d changes, every one reached >= %d of %d clients; per change, touch -> "
                        + "99%% of clients: median %.0f ms, worst %.0f ms; touch -> last client: median %.0f ms, worst %.0f ms",
                label, lasts.length, minReached, CLIENTS, p99s[p99s.length / 2], p99s[p99s.length - 1],
                lasts[lasts.length / 2], lasts[lasts.length - 1]));
        return rows;
    }

    private static Object clientCount(OndesInstance ondes) throws Exception {
        Object hub = ondes.context().getBean(Class.forName("org.ondes.catalog.live.EventHub"));
        java.lang.reflect.Method m = hub.getClass().getDeclaredMethod("clientCount");
        m.setAccessible(true);
        return m.invoke(hub);
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    private static void seed(TestDb.Schema db, long tokenId) throws Exception {
        try (Connection c = db.connect()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO streams_stations (owner_id, name_key, name)
                    SELECT t.account_id, 'fanout ' || g, 'Fanout ' || g FROM yp_tokens t, generate_series(0, ? - 1) g WHERE t.id = ?
                    """)) {
                ps.setInt(1, SESSIONS);
                ps.setLong(2, tokenId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO streams_sessions (sid, station_id, token_id, listen_url, content_type, codec, name, state,
                                                  verified_at, current_song, listeners, max_listeners)
                    SELECT 'FANOUT-' || g, st.id, ?, 'http://fanout.ondes.net:8000/' || g, 'audio/mpeg', 'MP3', st.name,
                           'listed', now(), 'Steady', 5, 100
                    FROM generate_series(0, ? - 1) g JOIN streams_stations st ON st.name_key = 'fanout ' || g
                    """)) {
                ps.setLong(1, tokenId);
                ps.setInt(2, SESSIONS);
                ps.executeUpdate();
            }
            try (Statement st = c.createStatement()) {
                st.execute("ANALYZE");
            }
        }
    }
}
