package org.ondes.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.ondes.testkit.FreePorts;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.OndesInstance;
import org.ondes.testkit.TestDb;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * YP touch throughput and latency against a real PostgreSQL, next to the HTTP ceiling of the same server measured in
 * the same run. Prints its figures (and writes them to target/bench/yp-touch.txt); no thresholds are asserted here.
 * Run with {@code mvn -B -Pbench verify}.
 */
@Tag("bench")
class YpTouchBench {
    private static final int SESSIONS = 20_480;
    private static final int CONNECTIONS = 32;
    private static final double PHASE_SECONDS = 10;

    @Test
    void touchesPerSecondAndLatencyAgainstTheHttpCeiling() throws Exception {
        TestDb.Schema db = TestDb.newSchema();
        int port = FreePorts.next();
        try (OndesInstance ondes = OndesInstance.start(db, port, Map.of("ondes.jobs.enabled", "false", "ondes.bench", "true"))) {
            OndesApi.User user = ondes.api().newUser();
            String[] sids = seed(db, user.tokenId());
            LoadGenerator load = new LoadGenerator(port);
            Phase touches = new Phase(load, "/api/icecast/yp/" + user.ypToken());
            Phase ceiling = new Phase(load, "/bench/ceiling/" + user.ypToken());
            IntFunction<IntFunction<byte[]>> touchBodies = bodies(sids, CONNECTIONS);

            List<String> out = new ArrayList<>();
            out.add("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, JDK " + System.getProperty("java.version")
                    + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                    + "; PostgreSQL " + serverVersion(db) + " on the same machine; load generator in the same JVM");
            out.add("Seeded " + SESSIONS + " live sessions; " + CONNECTIONS + " keep-alive connections; phases of " + PHASE_SECONDS + " s");
            touches.run("warm-up touches", CONNECTIONS, 0, 5, touchBodies);
            ceiling.run("warm-up ceiling", CONNECTIONS, 0, 3, touchBodies);

            LoadGenerator.Result ceil = ceiling.run("ceiling (constant headers), max", CONNECTIONS, 0, PHASE_SECONDS, touchBodies);
            CpuMeter cpu = new CpuMeter(CpuMeter.pgPort(db), THREAD_GROUPS, ProcessHandle.current().pid(),
                    "whole JVM (the above, the load generator, GC, JIT)");
            cpu.start();
            LoadGenerator.Result max = touches.run("touch, max", CONNECTIONS, 0, PHASE_SECONDS, touchBodies);
            Map<String, Double> maxCpu = cpu.stop();
            out.add(ceil.row());
            out.add(max.row());
            out.add("  cores busy in \"touch, max\": " + cores(maxCpu, PHASE_SECONDS));
            out.add(String.format("touch throughput = %.0f%% of the HTTP ceiling (target >= 40%%)", 100 * max.perSecond() / ceil.perSecond()));
            for (double rate : new double[]{1000, 2500, 5000, 7500}) {
                LoadGenerator.Result c = ceiling.run(String.format("ceiling, open loop at %.0f/s", rate), CONNECTIONS, rate, PHASE_SECONDS, touchBodies);
                cpu.start();
                LoadGenerator.Result r = touches.run(String.format("touch, open loop at %.0f/s", rate), CONNECTIONS, rate, PHASE_SECONDS, touchBodies);
                Map<String, Double> spent = cpu.stop();
                out.add(c.row());
                out.add(r.row() + (rate == 5000 ? String.format("   (target: sustained 5000/s with p99 < 50 ms: %s)",
                        r.perSecond() >= 4900 && r.p99Ms() < 50 && r.errors() == 0 ? "met" : "NOT met") : ""));
                if (rate == 5000) {
                    out.add("  cores busy at 5000/s: " + cores(spent, PHASE_SECONDS));
                }
            }
            out.add("Rows written: sum(touch_count) = " + touchCount(db) + " (every touch is a committed UPDATE)");
            out.forEach(System.out::println);
            Path report = Path.of("target", "bench", "yp-touch.txt");
            Files.createDirectories(report.getParent());
            Files.write(report, out, StandardCharsets.UTF_8);
        }
    }

    /**
     * Where the CPU goes: the server's threads by role, PostgreSQL, and the whole JVM (the load generator's threads end
     * with each phase, so only the process's total holds them).
     */
    private static final List<String> THREAD_GROUPS = List.of("default-eventLoopGroup", "yp-touch-", "catalog-projection",
            "live-events-", "federation-publish");

    private static String cores(Map<String, Double> seconds, double phaseSeconds) {
        Map<String, Double> cores = new java.util.LinkedHashMap<>();
        seconds.forEach((k, v) -> cores.put(k.replace("default-eventLoopGroup*", "HTTP event loops"), v / phaseSeconds));
        return CpuMeter.row(cores);
    }


    /** The same touch bodies posted to one path (the YP endpoint or the ceiling). */
    private record Phase(LoadGenerator load, String path) {
        LoadGenerator.Result run(String label, int connections, double rate, double seconds, IntFunction<IntFunction<byte[]>> bodies)
                throws InterruptedException {
            return load.run(label, connections, rate, seconds, c -> {
                IntFunction<byte[]> b = bodies.apply(c);
                return i -> load.post(path, b.apply(i));
            });
        }
    }

    /** Connection c touches SIDs c, c+n, c+2n … (n a power of two dividing the SID count): never one SID twice at once. */
    private static IntFunction<IntFunction<byte[]>> bodies(String[] sids, int connections) {
        return conn -> i -> touch(sids[(conn + i * connections) % SESSIONS], i);
    }

    private static byte[] touch(String sid, int i) {
        return ("action=touch&sid=" + sid + "&st=Bench%20Artist%20%2d%20Title%20" + (i % 100) + "&listeners=" + (i % 50)
                + "&max_listeners=100&stype=\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static String[] seed(TestDb.Schema db, long tokenId) throws Exception {
        try (Connection c = db.connect()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO streams_stations (owner_id, name_key, name)
                    SELECT t.account_id, 'bench ' || g, 'Bench ' || g FROM yp_tokens t, generate_series(1, ?) g WHERE t.id = ?
                    """)) {
                ps.setInt(1, SESSIONS);
                ps.setLong(2, tokenId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO streams_sessions (sid, station_id, token_id, listen_url, content_type, codec, name, state)
                    SELECT 'BENCH-' || lpad(g::text, 8, '0'), st.id, ?, 'http://bench.ondes.net:8000/' || g, 'audio/mpeg', 'MP3', st.name, 'listed'
                    FROM generate_series(1, ?) g JOIN streams_stations st ON st.name_key = 'bench ' || g
                    """)) {
                ps.setLong(1, tokenId);
                ps.setInt(2, SESSIONS);
                ps.executeUpdate();
            }
            try (Statement st = c.createStatement()) {
                st.execute("ANALYZE");
            }
        }
        String[] sids = new String[SESSIONS];
        for (int i = 0; i < SESSIONS; i++) {
            sids[i] = String.format("BENCH-%08d", i + 1);
        }
        return sids;
    }

    private static long touchCount(TestDb.Schema db) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT sum(touch_count) FROM streams_sessions")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String serverVersion(TestDb.Schema db) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
