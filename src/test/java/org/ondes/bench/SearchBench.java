package org.ondes.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.ondes.testkit.FreePorts;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.OndesInstance;
import org.ondes.testkit.TestDb;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * Catalog reads on a realistic catalog: 100,000 live sessions over 60,000 stations (40,000 single mounts, 20,000 with
 * three relays), 40 genres, names and songs from word lists. Prints catalog rebuild time, search throughput and
 * latency at 200 concurrent connections (next to a constant GET endpoint of the same server, measured in the same
 * run), station-page and facet latency. Run with {@code mvn -B -Pbench verify}.
 */
@Tag("bench")
class SearchBench {
    /** 400 made-up words (two and three syllables): a search word matches a few percent of the stations. */
    static final String[] WORDS = words(400);
    static final String[] GENRES = {"rock", "jazz", "techno", "house", "ambient", "classical", "hiphop", "reggae", "dub",
            "metal", "folk", "pop", "news", "talk", "electronic", "drum and bass", "lofi", "soul", "funk", "blues",
            "country", "latin", "kpop", "punk", "indie", "disco", "trance", "dubstep", "chillout", "world", "gospel",
            "opera", "swing", "ska", "grunge", "synthwave", "experimental", "livecoding", "algorave", "community"};
    static final String[] CODEC_TYPES = {"audio/mpeg", "audio/mpeg", "application/ogg", "audio/aac"};

    @Test
    void searchStationPagesAndFacetsOnOneHundredThousandSessions() throws Exception {
        TestDb.Schema db = TestDb.newSchema();
        int port = FreePorts.next();
        try (OndesInstance ondes = OndesInstance.start(db, port, Map.of("ondes.jobs.enabled", "false", "ondes.bench", "true",
                "ondes.catalog.search-cache-seconds", "5", "ondes.catalog.index-staleness-millis", "100"))) {
            OndesApi.User user = ondes.api().newUser();
            List<String> out = new ArrayList<>();
            out.add("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, JDK " + System.getProperty("java.version")
                    + "; PostgreSQL and the load generator on the same machine");
            long t0 = System.nanoTime();
            long heapBefore = usedHeapAfterGc();
            List<UUID> stations = seed(db, user.tokenId());
            out.add(String.format("Seeded %d stations / 100000 sessions in %.1f s", stations.size(), (System.nanoTime() - t0) / 1e9));
            t0 = System.nanoTime();
            rebuild(ondes, stations);
            double rebuild = (System.nanoTime() - t0) / 1e9;
            out.add(String.format("Catalog projection of %d stations: %.1f s (%.0f stations/s)", stations.size(), rebuild,
                    stations.size() / rebuild));
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                st.execute("ANALYZE");
            }

            t0 = System.nanoTime();
            long total = ((Number) ondes.api().get("/api/v1/streams?limit=1", null).json().get("total")).longValue();
            out.add(String.format("Search index in step: %d entries, first search %.0f ms; heap grew by %.0f MiB since"
                    + " before seeding (index, entries as served, caches)", total, (System.nanoTime() - t0) / 1e6,
                    (usedHeapAfterGc() - heapBefore) / 1048576.0));
            out.forEach(System.out::println);
            LoadGenerator load = new LoadGenerator(port);
            Zipf zipf = new Zipf(COMBINATIONS, 1.0);
            String fresh = "Cache-Control: no-cache\r\n";
            IntFunction<IntFunction<byte[]>> uncached = conn -> i -> load.get(searchQuery(conn * 7919 + i), fresh);
            IntFunction<IntFunction<byte[]>> uniform = conn -> i -> load.get(searchQuery(conn * 7919 + i));
            IntFunction<IntFunction<byte[]>> popular = conn -> {
                java.util.Random random = new java.util.Random(conn);
                return i -> load.get(searchQuery(zipf.sample(random)));
            };
            IntFunction<IntFunction<byte[]>> ceiling = conn -> i -> load.get("/bench/ceiling-get");
            IntFunction<IntFunction<byte[]>> pages = conn -> i -> load.get("/api/v1/stations/"
                    + stations.get(Math.floorMod(conn * 104729 + i * 7, stations.size())));
            IntFunction<IntFunction<byte[]>> facets = conn -> i -> load.get(i % 2 == 0 ? "/api/v1/genres" : "/api/v1/codecs");
            load.run("warm-up", 32, 0, 5, uncached);
            // Ingest keeps running as it would for 100,000 sessions (TouchFreq 180 s): listener counts change on every
            // touch and the title on every other one, so the catalog version moves all the time and cached pages live
            // only for the cache's TTL, as in production.
            List<String> sids = sids(db);
            String touchPath = "/api/icecast/yp/" + user.ypToken();
            IntFunction<IntFunction<byte[]>> touches = conn -> i -> load.post(touchPath, ("action=touch&sid="
                    + java.net.URLEncoder.encode(sids.get(Math.floorMod(conn + i * TOUCH_CONNECTIONS, sids.size())), StandardCharsets.UTF_8) + "&st=Bench%20Song%20" + (i / 2)
                    + "&listeners=" + (i % 97) + "&max_listeners=1000&stype=\r\n").getBytes(StandardCharsets.US_ASCII));
            // Baseline: the same touches with nothing else running.
            LoadGenerator.Result alone = load.run("YP touches alone (baseline)", TOUCH_CONNECTIONS, TOUCHES_PER_SECOND, 10, touches);
            long version0 = catalogVersion(db);
            List<String> rows = new ArrayList<>();
            // Closed loop first (it also warms the JIT and sizes the heap): 200 connections as fast as the server answers (the generator's 200 threads share the
            // two cores with the server and PostgreSQL, so this is a flood, not a model of real traffic).
            LoadGenerator.Result duringClosed = withTouches(load, touches, 55, () -> {
                LoadGenerator.Result ceil = load.run("ceiling GET, 200 conn", 200, 0, 10, ceiling);
                rows.add(ceil.row());
                rows.add(load.run("search uncached, uniform, 200 conn", 200, 0, 10, uncached).row());
                rows.add(withHits(ondes, () -> load.run("search cached, uniform, 200 conn", 200, 0, 10, uniform)));
                LoadGenerator.Result[] max = new LoadGenerator.Result[1];
                String zipfRow = withHits(ondes, () -> max[0] = load.run("search cached, Zipf, 200 conn", 200, 0, 10, popular));
                rows.add(zipfRow + String.format("   (%.0f%% of the ceiling)", 100 * max[0].perSecond() / ceil.perSecond()));
                rows.add(load.run("station page, 50 conn", 50, 0, 10, pages).row());
                rows.add(load.run("facets, 50 conn", 50, 0, 5, facets).row());
            });
            // Then open loop: searches at fixed rates, as listener traffic arrives; touches in the background.
            LoadGenerator.Result[] open = new LoadGenerator.Result[1];
            LoadGenerator.Result duringOpen = withTouches(load, touches, 60, () -> {
                rows.add(load.run("ceiling GET, open loop 2000/s", 200, 2000, 10, ceiling).row());
                rows.add(withHits(ondes, () -> open[0] = load.run("search cached, Zipf, open 2000/s", 200, 2000, 10, popular))
                        + String.format("   (target >= 2000/s with p99 < 25 ms: %s)",
                        open[0].perSecond() >= 1950 && open[0].p99Ms() < 25 && open[0].errors() == 0 ? "met" : "NOT met"));
                rows.add(withHits(ondes, () -> load.run("search cached, uniform, open 2000/s", 200, 2000, 10, uniform)));
                rows.add(load.run("search uncached, open 500/s", 200, 500, 10, uncached).row());
                rows.add(load.run("search uncached, open 1000/s", 200, 1000, 10, uncached).row());
                rows.add(load.run("search uncached, open 2000/s", 200, 2000, 10, uncached).row());
            });
            rows.add("  catalog_entries after the phases: " + deadTuples(db));
            rows.add(alone.row());
            rows.add(duringOpen.row().replace("YP touches", "YP touches, open-loop phases"));
            rows.add(duringClosed.row().replace("YP touches", "YP touches, closed-loop phases")
                    + String.format("   (catalog version moved by %d)", catalogVersion(db) - version0));
            out.add("Catalog of " + COMBINATIONS + " distinct searches (word x genre x codec); Zipf s=1.0 over them for the"
                    + " popular mix; 'uncached' sends Cache-Control: no-cache");
            out.addAll(rows);
            out.add("Example search: " + searchQuery(12345) + " -> total "
                    + ondes.api().get(searchQuery(12345), null).json().get("total"));
            rows.forEach(System.out::println);
            Path report = Path.of("target", "bench", "search.txt");
            Files.createDirectories(report.getParent());
            Files.write(report, out, StandardCharsets.UTF_8);
        }
    }

    private static String[] words(int n) {
        String[] syllables = {"ka", "lo", "mi", "ra", "to", "ve", "su", "ni", "do", "be", "zu", "fa"};
        List<String> words = new ArrayList<>();
        for (int i = 0; words.size() < n; i++) {
            String w = syllables[i % 12] + syllables[(i / 12) % 12] + (i >= 144 ? syllables[(i / 144) % 12] : "");
            words.add(w);
        }
        return words.toArray(new String[0]);
    }

    interface Phases {
        void run() throws Exception;
    }

    /** Runs the phases while YP touches arrive at the production rate on their own connections; returns the touches. */
    private static LoadGenerator.Result withTouches(LoadGenerator load, IntFunction<IntFunction<byte[]>> touches, double seconds,
                                                    Phases phases) throws Exception {
        LoadGenerator.Result[] ingest = new LoadGenerator.Result[1];
        Thread background = new Thread(() -> {
            try {
                ingest[0] = load.run("YP touches", TOUCH_CONNECTIONS, TOUCHES_PER_SECOND, seconds, touches);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bench-ingest");
        background.start();
        phases.run();
        background.join();
        return ingest[0];
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static final double TOUCHES_PER_SECOND = 100_000 / 180.0;
    /**
     * Touches come from many Icecast servers, each on its own connection; with few connections one slow touch would
     * hold back the ones scheduled after it on the same connection and the open-loop backlog would never drain.
     */
    private static final int TOUCH_CONNECTIONS = 64;

    private static List<String> sids(TestDb.Schema db) throws Exception {
        List<String> sids = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT sid FROM streams_sessions ORDER BY sid")) {
            while (rs.next()) {
                sids.add(rs.getString(1));
            }
        }
        return sids;
    }

    private static String deadTuples(TestDb.Schema db) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT n_live_tup, n_dead_tup, autovacuum_count, pg_size_pretty(pg_total_relation_size(relid))"
                        + " FROM pg_stat_user_tables WHERE relname = 'catalog_entries'")) {
            rs.next();
            return rs.getLong(1) + " live rows, " + rs.getLong(2) + " dead, autovacuumed " + rs.getLong(3) + " times, "
                    + rs.getString(4) + " with indexes";
        }
    }

    private static long catalogVersion(TestDb.Schema db) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version FROM catalog_meta")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Distinct searches: every word with every genre and two codecs. */
    static final int COMBINATIONS = 400 * 40 * 2;

    /** Text + genre + codec, 50 rows: the listener's typical filtered search; n picks one of the combinations. */
    static String searchQuery(int n) {
        int k = Math.floorMod(n * 7919, COMBINATIONS); // a fixed shuffle, so popular ranks are spread over words and genres
        String word = WORDS[k % WORDS.length];
        String genre = GENRES[(k / WORDS.length) % GENRES.length].replace(" ", "%20");
        String codec = k / (WORDS.length * GENRES.length) == 0 ? "&codec=MP3" : "&codec=Vorbis";
        return "/api/v1/streams?q=" + word + "&genre=" + genre + codec + "&limit=50";
    }

    /** Ranks 0..n-1 with probability proportional to 1/(rank+1)^s, as query popularity is usually modelled. */
    record Zipf(double[] cdf) {
        Zipf(int n, double s) {
            this(cdf(n, s));
        }

        private static double[] cdf(int n, double s) {
            double[] c = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += 1 / Math.pow(i + 1, s);
                c[i] = sum;
            }
            for (int i = 0; i < n; i++) {
                c[i] /= sum;
            }
            return c;
        }

        int sample(java.util.Random random) {
            int i = java.util.Arrays.binarySearch(cdf, random.nextDouble());
            return i >= 0 ? i : Math.min(cdf.length - 1, -i - 1);
        }
    }

    /** The phase's row plus the search cache's hit ratio during it. */
    private static String withHits(OndesInstance ondes, java.util.concurrent.Callable<LoadGenerator.Result> phase) throws Exception {
        Object cache = ondes.context().getBean(Class.forName("org.ondes.catalog.SearchCache"));
        Method hits = cache.getClass().getDeclaredMethod("hits");
        Method misses = cache.getClass().getDeclaredMethod("misses");
        hits.setAccessible(true);
        misses.setAccessible(true);
        long h0 = (long) hits.invoke(cache);
        long m0 = (long) misses.invoke(cache);
        LoadGenerator.Result r = phase.call();
        long h = (long) hits.invoke(cache) - h0;
        long m = (long) misses.invoke(cache) - m0;
        return r.row() + String.format("   hits %.0f%%", h + m == 0 ? 0 : 100.0 * h / (h + m));
    }

    private static List<UUID> seed(TestDb.Schema db, long tokenId) throws Exception {
        try (Connection c = db.connect()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO streams_stations (owner_id, name_key, name, description, homepage, genres)
                    SELECT t.account_id, 'bench ' || g,
                           'Radio ' || initcap(w[1 + g % 400] || ' ' || w[1 + (g / 400) % 400]),
                           'Live from ' || initcap(w[1 + (g * 7) % 400]) || ': ' || w[1 + (g * 11) % 400] || ' and ' || w[1 + (g * 13) % 400],
                           'https://station' || g || '.ondes.net/',
                           ARRAY[gen[1 + g % 40], gen[1 + (g / 40) % 40]]
                    FROM yp_tokens t, generate_series(1, 60000) g, (SELECT ?::text[] AS w, ?::text[] AS gen) v
                    WHERE t.id = ?
                    """)) {
                ps.setArray(1, c.createArrayOf("text", WORDS));
                ps.setArray(2, c.createArrayOf("text", GENRES));
                ps.setLong(3, tokenId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO streams_sessions (sid, station_id, token_id, listen_url, content_type, subtype, codec, bitrate,
                                                  name, state, verified_at, current_song, listeners, max_listeners)
                    SELECT 'BENCH-' || substr(st.name_key, 7) || '-' || r, st.id, ?,
                           'http://relay' || r || '.station' || substr(st.name_key, 7) || '.ondes.net:8000/live',
                           ty, CASE WHEN ty = 'application/ogg' THEN 'Vorbis' END,
                           CASE ty WHEN 'audio/mpeg' THEN 'MP3' WHEN 'application/ogg' THEN 'Vorbis' ELSE 'AAC' END,
                           (ARRAY[64, 96, 128, 192, 320])[1 + (hashtext(st.name_key) & 4)],
                           st.name, 'listed', now(),
                           initcap(w[1 + abs(hashtext(st.name_key || r)) % 400]) || ' - ' || initcap(w[1 + abs(hashtext(st.name)) % 400]),
                           abs(hashtext(st.name_key || r)) % 500, 1000
                    FROM streams_stations st
                    CROSS JOIN LATERAL generate_series(1, CASE WHEN substr(st.name_key, 7)::int % 3 = 0 THEN 3 ELSE 1 END) r,
                         (SELECT ?::text[] AS w, ?::text[] AS types) v,
                         LATERAL (SELECT v.types[1 + abs(hashtext(st.name_key)) % 4] AS ty) t
                    """)) {
                ps.setLong(1, tokenId);
                ps.setArray(2, c.createArrayOf("text", WORDS));
                ps.setArray(3, c.createArrayOf("text", CODEC_TYPES));
                ps.executeUpdate();
            }
            List<UUID> ids = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id FROM streams_stations ORDER BY id")) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM streams_sessions")) {
                rs.next();
                if (rs.getInt(1) != 100_000) {
                    throw new AssertionError("seeded " + rs.getInt(1) + " sessions, expected 100000");
                }
            }
            return ids;
        }
    }

    /** Projects every station through the application's own projection code, 1000 at a time. */
    private static void rebuild(OndesInstance ondes, List<UUID> stations) throws Exception {
        Class<?> writerType = Class.forName("org.ondes.catalog.CatalogWriter");
        Object writer = ondes.context().getBean(writerType);
        Method project = writerType.getDeclaredMethod("project", Collection.class);
        project.setAccessible(true);
        for (int i = 0; i < stations.size(); i += 1000) {
            project.invoke(writer, stations.subList(i, Math.min(stations.size(), i + 1000)));
        }
    }
}
