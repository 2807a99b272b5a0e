package org.ondes.federation.outbox;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The go-live Note as a Mastodon user reads it, including what hostile station owners put in their profiles. */
class NoteHtmlTest {
    static final Links LINKS = new Links("https://ondes.example");
    static final UUID STATION = UUID.fromString("6f1c0000-0000-4000-8000-000000000001");
    static final Instant ON = Instant.parse("2026-11-21T20:00:00Z");

    static NoteFacts facts(String name, String description, List<String> genres, String logo, String listen,
                           String song, Instant ended) {
        return new NoteFacts(UUID.fromString("00000000-0000-4000-8000-0000000000aa"), STATION,
                "https://ondes.example/activities/1", name, description, genres, logo, listen, song, ON, ended);
    }

    static Map<String, Object> note(NoteFacts facts) {
        return NoteDocuments.note(LINKS, facts);
    }

    static Document html(Map<String, Object> note) {
        return Jsoup.parseBodyFragment((String) note.get("content"));
    }

    @Test
    void aGoLiveNoteNamesTheStationSaysLiveAndLinksListenAndThePage() {
        Map<String, Object> note = note(facts("Night Owl Radio", "Late jazz from Lyon", List.of("jazz", "Lo-Fi"),
                "https://img.example/owl.png", "http://ice.example:8000/live.ogg", "Artist - Title", null));
        Document doc = html(note);
        String page = "https://ondes.example/stations/" + STATION;
        Element name = doc.selectFirst("p a");
        assertEquals("Night Owl Radio", name.text());
        assertEquals(page, name.attr("href"));
        assertTrue(doc.text().contains("Night Owl Radio is live now."), doc.text());
        assertTrue(doc.text().contains("Now playing: Artist - Title"), doc.text());
        assertTrue(doc.text().contains("Late jazz from Lyon"));
        Element listen = doc.select("a").stream().filter(a -> a.text().equals("Listen")).findFirst().orElseThrow();
        assertEquals("http://ice.example:8000/live.ogg", listen.attr("href"));
        assertTrue(doc.select("a").stream().anyMatch(a -> a.attr("href").equals(page) && a.text().equals(page)));

        List<Element> hashtags = doc.select("a.mention.hashtag[rel=tag]");
        assertEquals(2, hashtags.size());
        assertEquals("#jazz", hashtags.get(0).text());
        assertEquals("jazz", hashtags.get(0).selectFirst("span").text());
        assertEquals("https://ondes.example/?genre=jazz", hashtags.get(0).attr("href"));
        assertEquals("#LoFi", hashtags.get(1).text());
        assertEquals(List.of(Map.of("type", "Hashtag", "name", "#jazz", "href", "https://ondes.example/?genre=jazz"),
                Map.of("type", "Hashtag", "name", "#LoFi", "href", "https://ondes.example/?genre=Lo-Fi")), note.get("tag"));

        assertEquals("Note", note.get("type"));
        assertEquals(page, note.get("attributedTo"));
        assertEquals(page, note.get("url"));
        assertEquals(List.of("https://www.w3.org/ns/activitystreams#Public"), note.get("to"));
        assertEquals(List.of(page + "/followers"), note.get("cc"));
        assertEquals("2026-11-21T20:00:00Z", note.get("published"));
        assertNull(note.get("updated"));
    }

    @Test
    void theLogoIsTheOnlyAttachmentAndTheStreamNeverIs() {
        Map<String, Object> withLogo = note(facts("Owl", null, List.of(), "https://img.example/owl.png",
                "http://ice.example:8000/live.mp3", null, null));
        assertEquals(List.of(Map.of("type", "Image", "mediaType", "image/png", "url", "https://img.example/owl.png",
                "name", "Logo of Owl")), withLogo.get("attachment"));
        Map<String, Object> without = note(facts("Owl", null, List.of(), null, "http://ice.example:8000/live.mp3",
                null, null));
        assertEquals(List.of(), without.get("attachment"));
        assertFalse(without.toString().contains("attachment=[{"), "no stream attachment");
    }

    @Test
    void hostileNamesTitlesDescriptionsAndGenresAreTextNeverMarkup() {
        String evil = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&";
        NoteFacts f = facts(evil, evil, List.of("<b>jazz</b>", "\"><script>x</script>"), "javascript:alert(3)",
                "javascript:alert(4)", evil, null);
        Map<String, Object> note = note(f);
        String content = (String) note.get("content");
        assertFalse(content.contains("<script"), content);
        assertFalse(content.contains("<img"), content);
        assertFalse(content.contains("javascript:"), content);
        assertFalse(content.contains("<b>"), content);
        Document doc = html(note);
        assertTrue(doc.select("script, img, b").isEmpty());
        assertEquals(evil + " is live now.", doc.selectFirst("p").text(), "the name shows as typed");
        assertTrue(doc.text().contains("Now playing: " + evil));
        assertTrue(doc.select("a").stream().noneMatch(a -> a.text().equals("Listen")), "no link to a non-http URL");
        assertEquals(List.of(), note.get("attachment"), "a non-http logo is not attached");
        // only p, a and span elements, only the attributes Mastodon keeps
        doc.body().select("*").forEach(e -> {
            assertTrue(List.of("body", "p", "a", "span").contains(e.tagName()), e.tagName());
            e.attributes().forEach(a -> assertTrue(List.of("href", "class", "rel").contains(a.getKey()), a.getKey()));
        });
        assertEquals(List.of("#bjazzb", "#scriptxscript"), doc.select("a.hashtag").eachText());
    }

    @Test
    void anEndedNoteSaysWhenItWasLiveAndNoLongerOffersToListen() {
        Map<String, Object> note = note(facts("Owl", "Jazz", List.of("jazz"), null, "http://ice.example/live.ogg",
                "Song", Instant.parse("2026-11-21T21:30:00Z")));
        Document doc = html(note);
        assertEquals("Owl was live 20:00–21:30 UTC.", doc.selectFirst("p").text());
        assertTrue(doc.select("a").stream().noneMatch(a -> a.text().equals("Listen")));
        assertFalse(doc.text().contains("Now playing"));
        assertEquals("2026-11-21T21:30:00Z", note.get("updated"));
        assertEquals("21 Nov 23:00 – 22 Nov 01:30 UTC",
                NoteHtml.span(Instant.parse("2026-11-21T23:00:00Z"), Instant.parse("2026-11-22T01:30:00Z")));
    }

    @Test
    void longDescriptionsAreShortenedAtAWord() {
        String long1 = "word ".repeat(200).strip();
        String shortened = NoteHtml.shorten(long1);
        assertTrue(shortened.length() <= NoteHtml.DESCRIPTION_MAX + 1, shortened.length() + "");
        assertTrue(shortened.endsWith("word…"), shortened);
    }
}
