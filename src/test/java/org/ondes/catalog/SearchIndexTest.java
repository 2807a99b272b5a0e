package org.ondes.catalog;

import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.ondes.web.ProblemException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The in-memory search: matching, ordering, totals and cursors, against a naive reference on random catalogs. */
class SearchIndexTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00.123456Z");
    private long version;

    static StreamQuery query(String query) {
        return StreamQuery.from(HttpRequest.GET("/api/v1/streams?" + query).getParameters());
    }

    static IndexedEntry entry(UUID id, String name, List<String> genres, String song, String description, String codec,
                              String type, Integer bitrate, int listeners, String language, String country,
                              boolean https, Instant since) {
        String url = (https ? "https" : "http") + "://radio.example.net/" + id;
        CatalogEntry.Session s = new CatalogEntry.Session(UUID.randomUUID(), url, type, codec, bitrate, null, null, song,
                listeners, null, since);
        CatalogEntry e = new CatalogEntry(id, name, genres, description, null, url, List.of(url), type, codec,
                codec == null ? List.of() : List.of(codec), bitrate, null, null, song, listeners, null, https, language,
                country, null, since, List.of(s), null, null);
        return IndexedEntry.of(e, List.of(type), bitrate, null);
    }

    static IndexedEntry simple(String name, String genre, String song, String description, int listeners) {
        return entry(UUID.randomUUID(), name, List.of(genre), song, description, "MP3", "audio/mpeg", 128, listeners,
                null, null, false, T0);
    }

    private void put(SearchIndex index, IndexedEntry... entries) {
        index.apply(++version, T0, List.of(entries), List.of());
    }

    private static List<String> names(SearchIndex index, String q) {
        return index.search(query(q)).items().stream().map(CatalogEntry::name).toList();
    }

    @Test
    void wordsMatchAsPrefixesInAnyFieldAndAllMustMatch() {
        SearchIndex index = new SearchIndex();
        put(index, simple("Radio Nova", "jazz", "Miles Davis - So What", "Paris", 5),
                simple("Nightwave", "hip-hop", "Unknown", "Late jazz sessions", 3),
                simple("Novela", "rock", null, null, 1));
        assertEquals(List.of("Radio Nova", "Novela"), names(index, "q=nov&order=listeners"));
        assertEquals(List.of("Radio Nova", "Nightwave"), names(index, "q=JAZZ&order=listeners"), "name, genre and description");
        assertEquals(List.of("Radio Nova"), names(index, "q=miles%20so&order=listeners"), "the current song, every word");
        assertEquals(List.of("Nightwave"), names(index, "q=hip-hop"), "punctuation splits words the same way on both sides");
        assertEquals(List.of(), names(index, "q=nova%20rock"));
        assertEquals(3, index.search(query("")).total());
    }

    @Test
    void filtersAreExactAndNeverMatchedByText() {
        SearchIndex index = new SearchIndex();
        put(index, entry(UUID.randomUUID(), "A", List.of("Drum and Bass", "it's \\ on:*"), null, null, "Vorbis",
                        "application/ogg", 96, 1, "pt-br", "BR", true, T0),
                entry(UUID.randomUUID(), "B", List.of("drum"), null, null, "MP3", "audio/mpeg", 320, 2, "en", "FR", false, T0));
        assertEquals(List.of("A"), names(index, "genre=drum%20and%20bass"));
        assertEquals(List.of("B"), names(index, "genre=drum"));
        assertEquals(List.of("A"), names(index, "tag=" + "it%27s%20%5C%20on%3A*"));
        assertEquals(List.of(), names(index, "genre=drum&genre=rock"), "every genre must match");
        assertEquals(List.of("A"), names(index, "codec=vorbis&contentType=application/ogg&language=pt-BR&country=BR&https=true"));
        assertEquals(List.of("B"), names(index, "bitrateMin=128"));
        assertEquals(List.of("A"), names(index, "bitrateMax=128"));
        assertEquals(List.of(), names(index, "q=mp3"), "a codec is not a word of the entry");
        assertEquals(List.of(), names(index, "q=g"), "filter terms ('~g drum') are not words");
    }

    @Test
    void relevancePrefersNameThenGenresThenSongThenDescriptionAndWholeWords() {
        SearchIndex index = new SearchIndex();
        put(index, simple("Other", "x", null, "rock all day", 9),
                simple("Other Two", "x", "Rock Song", null, 8),
                simple("Third", "rock", null, null, 7),
                simple("Rock FM", "x", null, null, 1),
                simple("Rockers", "x", null, null, 2));
        assertEquals(List.of("Rock FM", "Rockers", "Third", "Other Two", "Other"), names(index, "q=rock"));
        assertEquals(List.of("Other", "Other Two", "Third", "Rockers", "Rock FM"), names(index, "q=rock&reverse=true"));
    }

    @Test
    void nameSearchOnlyLooksAtNames() {
        SearchIndex index = new SearchIndex();
        put(index, simple("Jazz Café", "x", null, null, 1), simple("Other", "jazz", "Jazz", "jazz", 2));
        StreamQuery byName = new StreamQuery(null, "jazz", List.of(), null, null, null, null, null, null, null,
                StreamQuery.Order.NAME, false, 50, 0, null, null);
        assertEquals(List.of("Jazz Café"), index.search(byName).items().stream().map(CatalogEntry::name).toList());
    }

    @Test
    void changesReplaceAndRemoveEntriesAndTheirWords() {
        SearchIndex index = new SearchIndex();
        IndexedEntry a = simple("Alpha", "rock", "First Song", null, 1);
        put(index, a);
        assertEquals(List.of("Alpha"), names(index, "q=first"));
        IndexedEntry changed = entry(a.id(), "Alpha", List.of("rock"), "Second Song", null, "MP3", "audio/mpeg", 128, 40,
                null, null, false, T0);
        put(index, changed);
        assertEquals(List.of(), names(index, "q=first"), "the old song's words are gone");
        assertEquals(List.of("Alpha"), names(index, "q=second"));
        assertEquals(40, index.search(query("")).items().get(0).listeners());
        index.apply(++version, T0, List.of(), List.of(a.id()));
        assertEquals(0, index.search(query("genre=rock")).total());
        assertEquals(0, index.size());
        put(index, simple("Beta", "rock", null, null, 1));
        assertEquals(List.of("Beta"), names(index, "genre=rock"), "a freed slot is reused cleanly");
        assertEquals(version, index.version());
    }

    @Test
    void malformedCursorKeysAreRefused() {
        SearchIndex index = new SearchIndex();
        put(index, simple("A", "x", null, null, 1));
        for (String order : List.of("listeners", "liveSince", "relevance", "random")) {
            String bad = new Cursor(StreamQuery.Order.fromWire(order), false, order.equals("random") ? "1" : null,
                    "not-a-key", UUID.randomUUID()).encode();
            String q = (order.equals("relevance") ? "q=a&" : "") + "order=" + order + "&cursor=" + bad;
            ProblemException e = assertThrows(ProblemException.class, () -> index.search(query(q)), order);
            assertEquals("cursor", e.errors().get(0).name());
        }
    }

    // --- the index against a naive reference on random catalogs ---------------------------------------------------

    private static final String[] WORDS = {"rock", "rocket", "roll", "jazz", "jam", "nova", "novel", "café", "ça",
            "night", "nine", "drum", "bass", "über", "uber", "24", "247", "lo", "love"};
    private static final String[] GENRES = {"rock", "jazz", "drum and bass", "ambient", "hip-hop"};
    private static final String[] CODECS = {"MP3", "AAC", "Vorbis", "Opus"};

    private static String words(Random r, int max) {
        int n = r.nextInt(max + 1);
        List<String> w = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            w.add(r.nextBoolean() ? WORDS[r.nextInt(WORDS.length)] : WORDS[r.nextInt(WORDS.length)].toUpperCase(Locale.ROOT));
        }
        return n == 0 ? null : String.join(r.nextBoolean() ? " " : "-", w);
    }

    private static IndexedEntry random(Random r, UUID id) {
        List<String> genres = new ArrayList<>(new HashSet<>(List.of(GENRES[r.nextInt(GENRES.length)], GENRES[r.nextInt(GENRES.length)])));
        genres.sort(null);
        String name = words(r, 3);
        return entry(id, name == null ? "Station" : name, genres.subList(0, 1 + r.nextInt(genres.size())), words(r, 3),
                words(r, 4), CODECS[r.nextInt(CODECS.length)], r.nextBoolean() ? "audio/mpeg" : "audio/ogg",
                r.nextInt(5) == 0 ? null : 32 * (1 + r.nextInt(10)), r.nextInt(6), r.nextBoolean() ? "en" : null,
                r.nextBoolean() ? "FR" : "DE", r.nextBoolean(), T0.plusSeconds(r.nextInt(4)));
    }

    private static String randomQuery(Random r) {
        List<String> p = new ArrayList<>();
        if (r.nextBoolean()) {
            String w = WORDS[r.nextInt(WORDS.length)];
            p.add("q=" + java.net.URLEncoder.encode(w.substring(0, 1 + r.nextInt(w.length())), java.nio.charset.StandardCharsets.UTF_8));
        }
        if (r.nextInt(3) == 0) {
            p.add("genre=" + java.net.URLEncoder.encode(GENRES[r.nextInt(GENRES.length)], java.nio.charset.StandardCharsets.UTF_8));
        }
        if (r.nextInt(3) == 0) {
            p.add("codec=" + CODECS[r.nextInt(CODECS.length)]);
        }
        if (r.nextInt(4) == 0) {
            p.add("bitrateMin=" + 32 * r.nextInt(8));
        }
        if (r.nextInt(5) == 0) {
            p.add("https=" + r.nextBoolean());
        }
        if (r.nextInt(5) == 0) {
            p.add("country=FR");
        }
        List<String> orders = new ArrayList<>(List.of("listeners", "name", "bitrate", "liveSince", "random&seed=" + r.nextInt(100)));
        if (p.stream().anyMatch(s -> s.startsWith("q="))) {
            orders.add("relevance");
        }
        p.add("order=" + orders.get(r.nextInt(orders.size())));
        if (r.nextBoolean()) {
            p.add("reverse=true");
        }
        p.add("limit=" + (1 + r.nextInt(7)));
        return String.join("&", p);
    }

    /** What a search must return: every entry passing each condition, checked one by one. */
    private static List<UUID> reference(Map<UUID, IndexedEntry> all, StreamQuery q) {
        return all.values().stream().filter(e -> matches(e, q)).map(IndexedEntry::id).collect(Collectors.toList());
    }

    private static boolean matches(IndexedEntry e, StreamQuery q) {
        CatalogEntry c = e.entry();
        Set<String> genres = c.genres().stream().map(g -> g.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        if (!genres.containsAll(q.genres())) {
            return false;
        }
        if (q.codec() != null && c.codecs().stream().noneMatch(k -> k.equalsIgnoreCase(q.codec()))) {
            return false;
        }
        if (q.bitrateMin() != null && (e.bitrate() == null || e.bitrate() < q.bitrateMin())) {
            return false;
        }
        if (q.https() != null && q.https() != c.https()) {
            return false;
        }
        if (q.country() != null && !q.country().equals(c.country())) {
            return false;
        }
        String all = String.join(" ", c.name(), String.join(" ", c.genres()), java.util.Objects.toString(c.currentSong(), ""),
                java.util.Objects.toString(c.description(), ""));
        List<String> words = SearchWords.of(all);
        return q.textWords().stream().allMatch(w -> words.stream().anyMatch(x -> x.startsWith(w)));
    }

    @Test
    void pagesOfRandomSearchesOnRandomCatalogsMatchTheReferenceWhileTheCatalogChanges() {
        Random r = new Random(20261121);
        for (int round = 0; round < 30; round++) {
            SearchIndex index = new SearchIndex();
            Map<UUID, IndexedEntry> all = new LinkedHashMap<>();
            for (int i = 0; i < 40 + r.nextInt(80); i++) {
                IndexedEntry e = random(r, UUID.randomUUID());
                all.put(e.id(), e);
            }
            index.apply(1, T0, all.values(), List.of());
            for (int k = 0; k < 20; k++) {
                String q = randomQuery(r);
                StreamQuery first = query(q);
                List<UUID> expected = reference(all, first);
                CatalogPage page = index.search(first);
                assertEquals(expected.size(), page.total(), q);
                List<UUID> seen = new ArrayList<>();
                page.items().forEach(e -> seen.add(e.id()));
                int guard = 0;
                while (page.next() != null && guard++ < 200) {
                    page = index.search(query(q + "&cursor=" + page.next()));
                    page.items().forEach(e -> seen.add(e.id()));
                }
                assertNull(page.next(), q);
                assertEquals(new HashSet<>(expected), new HashSet<>(seen), q);
                assertEquals(expected.size(), seen.size(), "no entry twice: " + q);
                assertSorted(first, seen, all, q);
            }
            // a change between two pages neither repeats nor skips the entries that stayed
            StreamQuery q = query("order=listeners&limit=5");
            CatalogPage p1 = index.search(q);
            assertNotNull(p1.next());
            List<UUID> ids = new ArrayList<>(all.keySet());
            UUID gone = ids.get(r.nextInt(ids.size()));
            all.remove(gone);
            IndexedEntry fresh = random(r, UUID.randomUUID());
            all.put(fresh.id(), fresh);
            index.apply(2, T0, List.of(fresh), List.of(gone));
            List<UUID> rest = new ArrayList<>();
            CatalogPage p = index.search(query("order=listeners&limit=5&cursor=" + p1.next()));
            p.items().forEach(e -> rest.add(e.id()));
            while (p.next() != null) {
                p = index.search(query("order=listeners&limit=5&cursor=" + p.next()));
                p.items().forEach(e -> rest.add(e.id()));
            }
            Set<UUID> firstIds = p1.items().stream().map(CatalogEntry::id).collect(Collectors.toSet());
            rest.forEach(id -> assertEquals(false, firstIds.contains(id), "repeated after a change"));
            all.keySet().stream().filter(id -> !firstIds.contains(id) && !id.equals(fresh.id()))
                    .forEach(id -> assertEquals(true, rest.contains(id), "skipped after a change"));
        }
    }

    private static void assertSorted(StreamQuery q, List<UUID> seen, Map<UUID, IndexedEntry> all, String label) {
        if (q.order() == StreamQuery.Order.RELEVANCE || q.order() == StreamQuery.Order.RANDOM) {
            return; // their keys are the index's own; paging through them is checked above
        }
        Comparator<IndexedEntry> key = switch (q.order()) {
            case LISTENERS -> Comparator.comparingLong(e -> e.entry().listeners());
            case BITRATE -> Comparator.comparingLong(e -> e.bitrate() == null ? -1 : e.bitrate());
            case LIVE_SINCE -> Comparator.comparing(e -> e.entry().liveSince());
            default -> Comparator.comparing(IndexedEntry::sortName);
        };
        Comparator<IndexedEntry> full = key.thenComparing((a, b) -> IndexOrder.compareIds(a.id(), b.id()));
        if (q.order().descendingByDefault() != q.reverse()) {
            full = full.reversed();
        }
        List<UUID> sorted = seen.stream().map(all::get).sorted(full).map(IndexedEntry::id).toList();
        assertEquals(sorted, seen, label);
    }

    @Test
    void aSeedGivesTheSameShuffleAndAnotherSeedAnother() {
        SearchIndex index = new SearchIndex();
        for (int i = 0; i < 30; i++) {
            put(index, simple("S" + i, "x", null, null, i));
        }
        assertEquals(names(index, "order=random&seed=5"), names(index, "order=random&seed=5"));
        assertEquals(false, names(index, "order=random&seed=5").equals(names(index, "order=random&seed=6")));
    }

    @Test
    void offsetSkipsRowsForOffsetPaginatedClients() {
        SearchIndex index = new SearchIndex();
        for (int i = 0; i < 10; i++) {
            put(index, simple("S" + i, "x", null, null, i));
        }
        StreamQuery q = new StreamQuery(null, null, List.of(), null, null, null, null, null, null, null,
                StreamQuery.Order.LISTENERS, false, 3, 4, null, null);
        assertEquals(List.of("S5", "S4", "S3"), index.search(q).items().stream().map(CatalogEntry::name).toList());
        assertEquals(10, index.search(q).total());
    }
}
