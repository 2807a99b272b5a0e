package org.ondes.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.ondes.federation.ActorUrls;
import org.ondes.federation.delivery.Deliveries;
import org.ondes.testkit.FreePorts;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.OndesInstance;
import org.ondes.testkit.TestDb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * A go-live fanned out to 1,000 follower inboxes on 50 hosts: stub receivers on loopback ports (45 answer 202 after
 * 5 ms, 3 refuse connections, 2 answer only after 8 s, beyond the 5 s read timeout), 20 distinct inboxes each. One
 * {@code Deliveries.enqueue} of a ~2 KB activity; the time is taken from the call until every inbox on a live host
 * has the activity, through the real path (PostgreSQL queue, claims, signing, the guarded client, loopback HTTP).
 * Meanwhile YP touches run at 1,000/s, and their latency is compared with the same load just before, without a
 * fan-out (10 s), and with a control: 5 s more of that load, still without a fan-out, which shows how far two windows
 * differ on this machine when nothing changes. Each trial also gives the share of touches slower than its baseline's
 * p99, in the control window and among those sent from the enqueue call on ({@link TouchWindows}); the last lines pool
 * all trials and count in how many the fan-out came out above its control. Three trials
 * ({@code -Dbench.fed.trials=N} for more), each with fresh hosts, each after the previous trial's dead and slow hosts have their
 * circuits open. Run with {@code mvn -B -Pbench verify -Dit.test=FederationFanOutBench}.
 */
@Tag("bench")
class FederationFanOutBench {
    private static final int HEALTHY = 45;
    private static final int DEAD = 3;
    private static final int SLOW = 2;
    private static final int PER_HOST = 20;
    private static final int SESSIONS = 4_096;
    private static final double TOUCH_RATE = 1_000;
    private static final int TRIALS = Integer.getInteger("bench.fed.trials", 3);
    /** Send threads, to compare against the default (8): {@code -Dbench.fed.threads=4}. */
    private static final int THREADS = Integer.getInteger("bench.fed.threads", 8);
    private static final List<String> THREAD_GROUPS = List.of("fed-delivery-", "load-");

    @Test
    void aGoLiveReachesAThousandInboxesOnFiftyHosts() throws Exception {
        TestDb.Schema db = TestDb.newSchema();
        int port = FreePorts.next();
        // the receivers stand for other machines: a lower CPU priority (every thread: nice is inherited, renicing a
        // running JVM would reach its first thread only), so that they are billed to the server as little as possible
        // without starving (at nice 19 "healthy" receivers took over 5 s to answer now and then, and were retried)
        Process process = new ProcessBuilder("nice", "-n", "10", javaBin(), "-XX:+UseSerialGC", "-Xmx128m", "-cp", classPath(),
                FanOutReceivers.class.getName()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Receivers receivers = new Receivers(process);
        try (OndesInstance ondes = OndesInstance.start(db, port, Map.of("ondes.public-url", "http://127.0.0.1:" + port,
                "ondes.federation.allow-private-addresses", "true",
                "ondes.federation.delivery.threads", Integer.toString(THREADS)))) {
            OndesApi.User user = ondes.api().newUser();
            seed(db, user.tokenId());
            String ypPath = "/api/icecast/yp/" + user.ypToken();
            LoadGenerator load = new LoadGenerator(port);
            // touches that change nothing a listener sees: pure ingest work
            IntFunction<IntFunction<byte[]>> quiet = conn -> i -> load.post(ypPath,
                    ("action=touch&sid=FED-" + Math.floorMod(conn + i * 16, SESSIONS) + "&st=Steady&listeners=5"
                            + "&max_listeners=100&stype=\r\n").getBytes(StandardCharsets.US_ASCII));
            Deliveries deliveries = ondes.context().getBean(Deliveries.class);
            String signer = ondes.context().getBean(ActorUrls.class).instanceActor();

            List<String> out = new ArrayList<>();
            out.add("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, JDK " + System.getProperty("java.version")
                    + "; PostgreSQL, the server, the load generator and the receivers (another process, nice 10, one thread) on the same machine");
            out.add("Send threads: " + THREADS + "; delivery CPU share (ONDES_FEDERATION_DELIVERY_CPU_SHARE): "
                    + ondes.context().getProperty("ondes.federation.delivery.cpu-share", String.class).orElse("?")
                    + "; their nice value (ONDES_FEDERATION_DELIVERY_NICE): "
                    + ondes.context().getProperty("ondes.federation.delivery.nice", String.class).orElse("?"));
            out.add("CPU scheduling: " + schedulingGroups(db));
            load.run("warm-up touches", 16, TOUCH_RATE, 5, quiet);
            warmUp(deliveries, signer, receivers);

            List<LoadGenerator.Result> baselines = new ArrayList<>();
            List<LoadGenerator.Result> controls = new ArrayList<>();
            List<LoadGenerator.Result> fanOuts = new ArrayList<>();
            List<TouchWindows.Trial> compared = new ArrayList<>();
            for (int trial = 1; trial <= TRIALS; trial++) {
                Hosts hosts = receivers.newHosts(HEALTHY, SLOW, 5, 8_000);
                byte[] body = activity(ondes.baseUrl(), signer);
                CpuMeter baseCpu = new CpuMeter(CpuMeter.pgPort(db), THREAD_GROUPS, process.pid(), "receivers (nice 10)");
                baseCpu.start();
                LoadGenerator.Result baseline = load.run("touches 1000/s, no fan-out", 16, TOUCH_RATE, 10, quiet);
                Map<String, Double> baseSpent = baseCpu.stop();
                // the same load again, as long as a fan-out takes, still without one: how much two windows of
                // touches differ on this machine when nothing changes between them
                LoadGenerator.Result control = load.run("touches 1000/s, no fan-out, again", 16, TOUCH_RATE, 5, quiet);

                AtomicReference<LoadGenerator.Result> during = new AtomicReference<>();
                AtomicBoolean arrived = new AtomicBoolean();
                Thread touches = new Thread(() -> {
                    try {
                        during.set(load.run("touches 1000/s, during fan-out", 16, TOUCH_RATE, 60, quiet, arrived::get));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "bench-touches");
                touches.start();
                Thread.sleep(500);
                CpuMeter cpu = new CpuMeter(CpuMeter.pgPort(db), THREAD_GROUPS, process.pid(), "receivers (nice 10)");
                cpu.start();
                long start = System.nanoTime();
                deliveries.enqueue("http://127.0.0.1:" + port + "/activities/" + UUID.randomUUID(), body, signer,
                        hosts.inboxes());
                long enqueued = System.nanoTime();
                while (receivers.count() < HEALTHY * PER_HOST && System.nanoTime() - start < 60_000_000_000L) {
                    Thread.sleep(20);
                }
                arrived.set(true);
                Map<String, Double> spent = cpu.stop();
                double fanOutSeconds = (System.nanoTime() - start) / 1e9;
                touches.join();
                long[] arrivals = receivers.times(start);
                LoadGenerator.Result d = during.get();
                out.add(String.format("trial %d: %d-byte activity; enqueue of %d inboxes took %.0f ms; %d of %d live inboxes "
                                + "reached: p50 %.0f ms, p99 %.0f ms, last %.0f ms after the enqueue call",
                        trial, body.length, hosts.inboxes().size(), (enqueued - start) / 1e6, arrivals.length,
                        HEALTHY * PER_HOST, TouchWindows.pct(arrivals, 0.5), TouchWindows.pct(arrivals, 0.99),
                        arrivals.length == 0 ? Double.NaN : arrivals[arrivals.length - 1] / 1e6));
                baselines.add(baseline);
                controls.add(control);
                fanOuts.add(d);
                out.add("  " + baseline.row());
                out.add("  " + control.row() + String.format("   (p50 x%.2f, p99 x%.2f of the baseline)",
                        control.p50Ms() / baseline.p50Ms(), control.p99Ms() / baseline.p99Ms()));
                out.add("  " + d.row() + String.format("   (p50 x%.2f, p99 x%.2f of the baseline)",
                        d.p50Ms() / baseline.p50Ms(), d.p99Ms() / baseline.p99Ms()));
                out.add("  " + TouchWindows.slowBySecond(d, baseline.p99Ms(), start));
                TouchWindows.Trial t = new TouchWindows.Trial(baseline.p99Ms(), TouchWindows.all(control),
                        TouchWindows.sentFrom(d, start));
                compared.add(t);
                out.add("  " + t.row());
                out.add("  cores busy, baseline: " + CpuMeter.row(perSecond(baseSpent, baseline.seconds())));
                out.add("  cores busy, fan-out:  " + CpuMeter.row(perSecond(spent, fanOutSeconds)));
                long opened = awaitCircuitsOpen(db, hosts);
                out.add(String.format("  dead and slow hosts: %d requests reached the slow ones; all %d circuits "
                        + "open %.1f s after the enqueue", receivers.slow(), DEAD + SLOW, (opened - start) / 1e9));
            }
            out.add(String.format("all trials' touches pooled: no fan-out %s; no fan-out, again %s; during fan-outs %s",
                    pooled(baselines), pooled(controls), pooled(fanOuts)));
            out.add(TouchWindows.summary(compared));
            out.forEach(System.out::println);
            Path report = Path.of("target", "bench", "federation-fanout.txt");
            Files.createDirectories(report.getParent());
            Files.write(report, out, StandardCharsets.UTF_8);
        } finally {
            receivers.quit();
        }
    }

    /**
     * Whether the server and PostgreSQL are in one CPU scheduling group. With the kernel's autogroups (processes
     * started from an interactive session) a database that puts itself in a new session gets its own group, and the
     * kernel shares the cores between the groups before it looks at the threads' priorities: then the delivery
     * threads' lower priority does not keep them from the cores that PostgreSQL needs for the touches. Under a
     * service manager both run in the service's control group, or the database runs on other machines.
     */
    private static String schedulingGroups(TestDb.Schema db) {
        try {
            boolean autogroup = Files.readString(Path.of("/proc/sys/kernel/sched_autogroup_enabled")).trim().equals("1");
            String server = Files.readString(Path.of("/proc/self/autogroup")).trim();
            String database;
            try (Connection c = db.connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                // read while the connection is open: its backend process ends with it
                database = Files.readString(Path.of("/proc", Long.toString(rs.getLong(1)), "autogroup")).trim();
            }
            String group = server.split(" ")[0];
            return "autogroups " + (autogroup ? "on" : "off") + "; server in " + group + ", PostgreSQL in "
                    + database.split(" ")[0] + (autogroup && !database.startsWith(group + " ")
                    ? " (separate groups: the cores are shared between the groups first)" : " (one group)");
        } catch (Exception e) {
            return "unknown (" + e + ")";
        }
    }

    private static String pooled(List<LoadGenerator.Result> results) {
        return TouchWindows.pooled(results.stream().map(TouchWindows::all).toList());
    }

    private static Map<String, Double> perSecond(Map<String, Double> cpu, double seconds) {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        cpu.forEach((k, v) -> out.put(k, v / seconds));
        return out;
    }

    /** The receivers' process: {@link FanOutReceivers}. */
    private static final class Receivers {
        private final Process process;
        private final BufferedReader in;
        private final Writer out;
        private final List<Socket> deadPorts = new ArrayList<>();

        Receivers(Process process) {
            this.process = process;
            this.in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
            this.out = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII);
        }

        synchronized String ask(String command) throws IOException {
            out.write(command + "\n");
            out.flush();
            String line = in.readLine();
            if (line == null) {
                throw new IOException("the receivers' process ended");
            }
            return line;
        }

        Hosts newHosts(int healthy, int slow, long delayMs, long slowDelayMs) throws IOException {
            String[] f = ask("NEW " + healthy + " " + slow + " " + delayMs + " " + slowDelayMs).split(" ");
            List<Integer> dead = new ArrayList<>();
            for (int h = 0; h < DEAD; h++) {
                // bound but not listening: connections are refused, and the port stays taken for the whole run, so
                // the receivers cannot get it for a healthy host of a later trial (whose circuit would be open)
                Socket reserved = new Socket();
                reserved.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                deadPorts.add(reserved);
                dead.add(reserved.getLocalPort());
            }
            return new Hosts(ports(f[1]), dead, ports(f[2]));
        }

        int count() throws IOException {
            return Integer.parseInt(ask("COUNT"));
        }

        int slow() throws IOException {
            return Integer.parseInt(ask("SLOW"));
        }

        long[] times(long start) throws IOException {
            String line = ask("TIMES").trim();
            long[] at = line.isEmpty() ? new long[0]
                    : Arrays.stream(line.split(" ")).mapToLong(t -> Long.parseLong(t) - start).toArray();
            Arrays.sort(at);
            return at;
        }

        void quit() throws InterruptedException {
            for (Socket reserved : deadPorts) {
                try {
                    reserved.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
            try {
                out.write("QUIT\n");
                out.flush();
            } catch (IOException e) {
                // already gone
            }
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroy();
            }
        }

        private static List<Integer> ports(String list) {
            return list.equals("-") ? List.of() : Arrays.stream(list.split(",")).map(Integer::valueOf).toList();
        }
    }

    /** One trial's 50 hosts: 45 healthy, 3 closed ports, 2 that answer after 8 s. */
    private record Hosts(List<Integer> healthy, List<Integer> dead, List<Integer> slow) {

        /** 20 distinct inboxes per host, the hosts interleaved as followers would be. */
        List<String> inboxes() {
            List<Integer> all = new ArrayList<>(healthy);
            all.addAll(slow);
            all.addAll(dead);
            List<String> inboxes = new ArrayList<>();
            for (int i = 0; i < PER_HOST; i++) {
                for (int p : all) {
                    inboxes.add("http://127.0.0.1:" + p + "/users/follower" + i + "/inbox");
                }
            }
            return inboxes;
        }

        List<String> troubled() {
            List<String> hosts = new ArrayList<>();
            dead.forEach(p -> hosts.add("127.0.0.1:" + p));
            slow.forEach(p -> hosts.add("127.0.0.1:" + p));
            return hosts;
        }
    }

    /** Waits until every dead and slow host of the trial has its circuit open (at most 2 min); returns when. */
    private static long awaitCircuitsOpen(TestDb.Schema db, Hosts hosts) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                    "SELECT count(*) FROM fed_hosts WHERE host = ANY (?) AND open_until > now()")) {
                ps.setArray(1, c.createArrayOf("text", hosts.troubled().toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) == hosts.troubled().size()) {
                        return System.nanoTime();
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("circuits of the dead and slow hosts did not all open within 2 minutes");
    }

    /** Small fan-outs first, so that the measured ones run on a warm JIT and a warm key cache. */
    private static void warmUp(Deliveries deliveries, String signer, Receivers receivers) throws Exception {
        Hosts warm = receivers.newHosts(4, 0, 5, 0);
        for (int round = 0; round < 5; round++) {
            List<String> inboxes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                inboxes.add("http://127.0.0.1:" + warm.healthy().get(i % 4) + "/warm/" + round + "/" + i);
            }
            deliveries.enqueue("urn:warm:" + round, activity("http://127.0.0.1", signer), signer, inboxes);
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (receivers.count() < 200 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    /** A go-live Create(Note) of about 2 KB, as the outbox would send it. */
    private static byte[] activity(String base, String actor) {
        String id = base + "/stations/" + UUID.randomUUID();
        StringBuilder summary = new StringBuilder();
        while (summary.length() < 1_200) {
            summary.append("Late-night ambient, drone and field recordings from the harbour, live every night. ");
        }
        String json = "{\"@context\":[\"https://www.w3.org/ns/activitystreams\",{\"Hashtag\":\"as:Hashtag\"}],"
                + "\"id\":\"" + id + "/live/1#create\",\"type\":\"Create\",\"actor\":\"" + actor + "\","
                + "\"published\":\"2026-11-21T21:00:00Z\",\"to\":[\"https://www.w3.org/ns/activitystreams#Public\"],"
                + "\"cc\":[\"" + actor + "/followers\"],\"object\":{\"id\":\"" + id + "/live/1\",\"type\":\"Note\","
                + "\"attributedTo\":\"" + actor + "\",\"content\":\"<p>Night Owl Radio is live: <a href=\\\"" + id
                + "\\\">Harbour Drones</a></p><p>" + summary + "</p><p><a href=\\\"" + base
                + "/?genre=ambient\\\" class=\\\"mention hashtag\\\" rel=\\\"tag\\\">#<span>ambient</span></a></p>\","
                + "\"tag\":[{\"type\":\"Hashtag\",\"href\":\"" + base + "/?genre=ambient\",\"name\":\"#ambient\"}],"
                + "\"to\":[\"https://www.w3.org/ns/activitystreams#Public\"]}}";
        return json.getBytes(StandardCharsets.UTF_8);
    }


    private static void seed(TestDb.Schema db, long tokenId) throws Exception {
        try (Connection c = db.connect()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO streams_stations (owner_id, name_key, name)
                    SELECT t.account_id, 'fed ' || g, 'Fed ' || g FROM yp_tokens t, generate_series(0, ? - 1) g WHERE t.id = ?
                    """)) {
                ps.setInt(1, SESSIONS);
                ps.setLong(2, tokenId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO streams_sessions (sid, station_id, token_id, listen_url, content_type, codec, name, state,
                                                  verified_at, current_song, listeners, max_listeners)
                    SELECT 'FED-' || g, st.id, ?, 'http://fed.ondes.net:8000/' || g, 'audio/mpeg', 'MP3', st.name,
                           'listed', now(), 'Steady', 5, 100
                    FROM generate_series(0, ? - 1) g JOIN streams_stations st ON st.name_key = 'fed ' || g
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
