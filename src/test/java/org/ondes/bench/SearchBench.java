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
        try (OndesInstance ondes = OndesInstance.start(db, port, Map.of("ondes.jobs.enabled", "false", "ondes.bench", "true"))) {
            OndesApi.User user = ondes.api().newUser();
            List<String> out = new ArrayList<>();
            out.add("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, JDK " + System.getProperty("java.version")
                    + "; PostgreSQL and the load generator on the same machine");
            long t0 = System.nanoTime();
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

            out.addAll(explain(db, searchQuery(12345)));
            out.forEach(System.out::println);
            LoadGenerator load = new LoadGenerator(port);
            IntFunction<IntFunction<byte[]>> searches = conn -> i -> load.get(searchQuery(conn * 7919 + i));
            IntFunction<IntFunction<byte[]>> ceiling = conn -> i -> load.get("/bench/ceiling-get");
            IntFunction<IntFunction<byte[]>> pages = conn -> i -> load.get("/api/v1/stations/"
                    + stations.get(Math.floorMod(conn * 104729 + i * 7, stations.size())));
            IntFunction<IntFunction<byte[]>> facets = conn -> i -> load.get(i % 2 == 0 ? "/api/v1/genres" : "/api/v1/codecs");
            load.run("warm-up", 32, 0, 5, searches);
            LoadGenerator.Result ceil = load.run("ceiling GET, 200 connections", 200, 0, 10, ceiling);
            LoadGenerator.Result max = load.run("search, 200 connections", 200, 0, 10, searches);
            out.add(ceil.row());
            out.add(max.row() + String.format("   (%.0f%% of the ceiling; target >= 2000/s with p99 < 25 ms: %s)",
                    100 * max.perSecond() / ceil.perSecond(),
                    max.perSecond() >= 2000 && max.p99Ms() < 25 && max.errors() == 0 ? "met" : "NOT met"));
            out.add(load.run("search, open loop 1000/s", 200, 1000, 10, searches).row());
            out.add(load.run("search, open loop 2000/s", 200, 2000, 10, searches).row());
            out.add(load.run("station page, 50 connections", 50, 0, 10, pages).row());
            out.add(load.run("facets, 50 connections", 50, 0, 5, facets).row());
            out.add("Example search: " + searchQuery(12345) + " -> total "
                    + ondes.api().get(searchQuery(12345), null).json().get("total"));
            out.forEach(System.out::println);
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

    /** The plan of the search SQL for one typical query (printed with the figures). */
    private static List<String> explain(TestDb.Schema db, String query) throws Exception {
        List<String> lines = new ArrayList<>();
        String word = query.replaceAll(".*q=([^&]*).*", "$1");
        String genre = query.replaceAll(".*genre=([^&]*).*", "$1").replace("%20", " ");
        String codec = query.replaceAll(".*codec=([^&]*).*", "$1");
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("""
                EXPLAIN (ANALYZE, BUFFERS) SELECT e.station_id, ts_rank_cd(e.search, tsq.query) AS k
                FROM catalog_entries e, to_tsquery('simple', ?) AS tsq(query)
                WHERE true AND e.search @@ (tsq.query && ?::tsquery)
                ORDER BY k DESC, e.station_id DESC LIMIT 51
                """)) {
            ps.setString(1, word + ":*");
            ps.setString(2, "'~g " + genre + "' & '~c " + codec.toLowerCase(java.util.Locale.ROOT) + "'");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.add("  plan: " + rs.getString(1));
                }
            }
        }
        return lines;
    }

    /** Text + genre + codec, 50 rows: the listener's typical filtered search. */
    static String searchQuery(int n) {
        int k = Math.floorMod(n, 1_000_000);
        String word = WORDS[k % WORDS.length];
        String genre = GENRES[(k / 31) % GENRES.length].replace(" ", "%20");
        String codec = (k / 7) % 3 == 0 ? "&codec=Vorbis" : "&codec=MP3";
        return "/api/v1/streams?q=" + word + "&genre=" + genre + codec + "&limit=50";
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
                    SELECT 'BENCH-' || st.name_key || '-' || r, st.id, ?,
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
