package org.ondes.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.ondes.testkit.FreePorts;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.OndesInstance;
import org.ondes.testkit.TestDb;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.parsers.SAXParserFactory;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.zip.GZIPInputStream;

/**
 * The full yp.xml download with 100,000 listed sessions over 60,000 stations, plain and gzip, over real HTTP from a
 * real PostgreSQL, next to baselines from the same run: the bare JDBC read of the same rows, and the heap that the
 * same rows take when they are held in memory instead of streamed. Prints its figures and writes them to
 * target/bench/yp-xml.txt; no thresholds are asserted. Run with {@code mvn -B -Pbench verify}.
 */
@Tag("bench")
class YpXmlBench {
    static final int STATIONS = 60_000;
    static final int LISTED = 100_000;
    static final int NOT_LISTED = 10_000;
    static final int RUNS = 5;
    /** The same read as Streams.forEachListed (StreamsQueries.SELECT_LISTED). */
    static final String SELECT_LISTED = """
            SELECT s.id, s.station_id, st.name, st.genres, st.description, st.homepage, s.listen_url, s.content_type,
                   s.codec, s.bitrate, s.samplerate, s.channels, s.current_song, s.listeners, s.max_listeners,
                   s.started_at, s.last_touch_at
            FROM streams_sessions s JOIN streams_stations st ON st.id = s.station_id
            WHERE s.ended_at IS NULL AND s.state = 'listed'
            """;

    record Download(long bytes, double seconds, double firstByteSeconds, int entries) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void fullDownloadTimeAndHeapAgainstTheBareDatabaseRead() throws Exception {
        TestDb.Schema db = TestDb.newSchema();
        int port = FreePorts.next();
        try (OndesInstance ondes = OndesInstance.start(db, port, Map.of("ondes.jobs.enabled", "false"))) {
            OndesApi.User user = ondes.api().newUser();
            long seedStart = System.nanoTime();
            YpXmlBenchSeed.seed(db, user.tokenId(), STATIONS, LISTED, NOT_LISTED);
            List<String> out = new ArrayList<>();
            out.add("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, JDK " + System.getProperty("java.version")
                    + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", max heap "
                    + Math.round(HeapSampler.mib(Runtime.getRuntime().maxMemory())) + " MiB; PostgreSQL " + serverVersion(db)
                    + " on the same machine; client in the same JVM (HTTP/1.1, java.net.http); load average at start: "
                    + loadAverage());
            out.add(String.format("Seeded %,d listed sessions over %,d stations (+%,d pending/unreachable/ended) in %.1f s",
                    LISTED, STATIONS, NOT_LISTED, (System.nanoTime() - seedStart) / 1e9));
            URI uri = URI.create(ondes.baseUrl() + "/yp.xml");

            download(uri, false, false);
            download(uri, true, false);
            jdbcRead(db);

            double[] jdbc = new double[RUNS];
            double[] plain = new double[RUNS];
            double[] gzip = new double[RUNS];
            double[] plainFirst = new double[RUNS];
            Download lastPlain = null;
            Download lastGzip = null;
            for (int i = 0; i < RUNS; i++) {
                jdbc[i] = jdbcRead(db);
                lastPlain = download(uri, false, false);
                plain[i] = lastPlain.seconds();
                plainFirst[i] = lastPlain.firstByteSeconds();
                lastGzip = download(uri, true, false);
                gzip[i] = lastGzip.seconds();
            }
            out.add(row("baseline: JDBC read of the same rows", jdbc, String.format("%,d rows, fetch size 1000, read-only tx", LISTED)));
            out.add(row("GET /yp.xml, identity", plain, String.format("%,d bytes, first byte after %.0f ms (median)",
                    lastPlain.bytes(), median(plainFirst) * 1000)));
            out.add(row("GET /yp.xml, Accept-Encoding: gzip", gzip, String.format("%,d bytes (%.1f%% of identity)",
                    lastGzip.bytes(), 100.0 * lastGzip.bytes() / lastPlain.bytes())));
            out.add(String.format("yp.xml throughput: %,.0f entries/s identity, %,.0f entries/s gzip; %.2fx / %.2fx the bare JDBC read",
                    LISTED / median(plain), LISTED / median(gzip), median(plain) / median(jdbc), median(gzip) / median(jdbc)));
            if (curlAvailable()) {
                for (boolean compressed : new boolean[]{false, true}) {
                    double[] total = new double[RUNS];
                    double[] curlFirst = new double[RUNS];
                    long size = 0;
                    for (int i = 0; i < RUNS; i++) {
                        double[] r = curl(uri, compressed);
                        total[i] = r[0];
                        curlFirst[i] = r[1];
                        size = (long) r[2];
                    }
                    out.add(row("curl (own process), " + (compressed ? "gzip" : "identity"), total,
                            String.format("%,d bytes, first byte after %.0f ms (median)", size, median(curlFirst) * 1000)));
                }
            }

            HeapSampler timed = new HeapSampler(0);
            download(uri, false, false);
            out.add(timed.stop().row("heap, one identity download (no forced GC)"));
            for (boolean compressed : new boolean[]{false, true}) {
                HeapSampler sampler = new HeapSampler(50);
                Download d = download(uri, compressed, true);
                out.add(sampler.stop().row("heap, " + (compressed ? "gzip" : "identity") + " download, GC every 50 ms")
                        + String.format("   (%,d entries parsed by SAX)", d.entries()));
            }
            HeapSampler sampler = new HeapSampler(50);
            jdbcRead(db);
            out.add(sampler.stop().row("heap, baseline JDBC read, GC every 50 ms"));
            long before = HeapSampler.liveHeap();
            List<Object[]> held = materialise(db);
            long after = HeapSampler.liveHeap();
            out.add(String.format("baseline: the same %,d rows held in memory take %.1f MiB of live heap (what a non-streamed export would hold)",
                    held.size(), HeapSampler.mib(after - before)));
            out.forEach(System.out::println);
            Path report = Path.of("target", "bench", "yp-xml.txt");
            Files.createDirectories(report.getParent());
            Files.write(report, out, StandardCharsets.UTF_8);
        }
    }

    private Download download(URI uri, boolean gzip, boolean parse) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri);
        if (gzip) {
            b.header("Accept-Encoding", "gzip");
        }
        long start = System.nanoTime();
        HttpResponse<InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() != 200 || gzip != r.headers().firstValue("Content-Encoding").orElse("").equals("gzip")) {
            throw new AssertionError("unexpected answer: " + r.statusCode() + " " + r.headers().map());
        }
        long[] bytes = {0};
        long[] first = {0};
        InputStream counted = new java.io.FilterInputStream(r.body()) {
            @Override
            public int read(byte[] buf, int off, int len) throws java.io.IOException {
                int n = super.read(buf, off, len);
                if (n > 0) {
                    if (bytes[0] == 0) {
                        first[0] = System.nanoTime();
                    }
                    bytes[0] += n;
                }
                return n;
            }
        };
        int entries = 0;
        try (InputStream in = counted) {
            if (parse) {
                entries = countEntries(gzip ? new GZIPInputStream(in, 64 * 1024) : in);
            } else {
                byte[] buf = new byte[64 * 1024];
                while (in.read(buf) >= 0) {
                    // discard
                }
            }
        }
        long end = System.nanoTime();
        return new Download(bytes[0], (end - start) / 1e9, (first[0] - start) / 1e9, entries);
    }

    private static boolean curlAvailable() {
        try {
            return new ProcessBuilder("curl", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    /** Downloads with curl, keeping the body compressed when gzip: {total seconds, first-byte seconds, bytes}. */
    private static double[] curl(URI uri, boolean gzip) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("curl", "-s", "-o", "/dev/null", "-w",
                "%{time_total} %{time_starttransfer} %{size_download} %{http_code}"));
        if (gzip) {
            cmd.addAll(List.of("-H", "Accept-Encoding: gzip"));
        }
        cmd.add(uri.toString());
        Process p = new ProcessBuilder(cmd).start();
        String[] f = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim().split(" ");
        if (p.waitFor() != 0 || !f[3].equals("200")) {
            throw new AssertionError("curl failed: " + String.join(" ", f));
        }
        return new double[]{Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
    }

    private static int countEntries(InputStream in) throws Exception {
        int[] n = {0};
        SAXParserFactory.newInstance().newSAXParser().parse(in, new DefaultHandler() {
            @Override
            public void startElement(String uri, String local, String qName, Attributes attributes) {
                if (qName.equals("entry")) {
                    n[0]++;
                }
            }
        });
        return n[0];
    }

    /** Reads every column of every listed row as the export does, keeping nothing; returns seconds. */
    private static double jdbcRead(TestDb.Schema db) throws Exception {
        long start = System.nanoTime();
        long checksum = 0;
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (PreparedStatement ps = c.prepareStatement(SELECT_LISTED)) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        for (int col = 1; col <= 17; col++) {
                            Object o = rs.getObject(col);
                            checksum += o == null ? 0 : 1;
                        }
                    }
                }
            }
            c.rollback();
        }
        if (checksum == 0) {
            throw new AssertionError("no rows read");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static List<Object[]> materialise(TestDb.Schema db) throws Exception {
        List<Object[]> rows = new ArrayList<>(LISTED);
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(SELECT_LISTED)) {
            while (rs.next()) {
                Object[] row = new Object[17];
                for (int col = 1; col <= 17; col++) {
                    Object o = rs.getObject(col);
                    row[col - 1] = o instanceof java.sql.Array a ? a.getArray() : o;
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static String row(String label, double[] seconds, String note) {
        double[] s = seconds.clone();
        Arrays.sort(s);
        return String.format("%-38s median %7.0f ms   min %7.0f ms   max %7.0f ms   (%d runs)   %s",
                label, median(seconds) * 1000, s[0] * 1000, s[s.length - 1] * 1000, s.length, note);
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static String serverVersion(TestDb.Schema db) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
