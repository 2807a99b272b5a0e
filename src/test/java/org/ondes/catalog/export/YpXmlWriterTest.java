package org.ondes.catalog.export;

import org.junit.jupiter.api.Test;
import org.ondes.streams.StreamView;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class YpXmlWriterTest {
    private static final YpXmlWriter.Entry JAZZ = new YpXmlWriter.Entry("Radio Österreich Jazz",
            "http://radio.example.org:8000/live.mp3", "audio/mpeg", "128", 2, 44100, "jazz blues", "Miles Davis - So What");

    private static String document(YpXmlWriter.Entry... entries) throws IOException {
        StringWriter out = new StringWriter();
        YpXmlWriter w = new YpXmlWriter(out);
        w.begin();
        for (YpXmlWriter.Entry e : entries) {
            w.entry(e);
        }
        w.end();
        return out.toString();
    }

    private static Map<String, Map<String, String>> parsed(String xml) throws Exception {
        return XmlDocs.ypEntries(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void writesDirXiphOrgsSchemaInItsExactElementOrder() throws Exception {
        assertEquals("""
                <?xml version="1.0" encoding="UTF-8"?>
                <directory>
                  <entry>
                    <server_name>Radio Österreich Jazz</server_name>
                    <listen_url>http://radio.example.org:8000/live.mp3</listen_url>
                    <server_type>audio/mpeg</server_type>
                    <bitrate>128</bitrate>
                    <channels>2</channels>
                    <samplerate>44100</samplerate>
                    <genre>jazz blues</genre>
                    <current_song>Miles Davis - So What</current_song>
                  </entry>
                </directory>
                """, document(JAZZ));
    }

    @Test
    void anEmptyDirectoryIsStillAWellFormedDocument() throws Exception {
        String xml = document();
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<directory>\n</directory>\n", xml);
        assertTrue(parsed(xml).isEmpty());
    }

    @Test
    void everyElementIsPresentAndExplicitlyClosedWhenValuesAreEmpty() throws Exception {
        String xml = document(new YpXmlWriter.Entry(null, "http://a.example.net/x", "data", "", 0, 0, "", null));
        for (String name : XmlDocs.YP_ELEMENTS) {
            assertTrue(xml.contains("<" + name + ">"), name);
        }
        assertTrue(xml.contains("<server_name></server_name>"), "VLC's simplexml needs the end tag, not <server_name/>");
        assertFalse(xml.contains("/>"), xml);
        assertEquals(Map.of("server_name", "", "listen_url", "http://a.example.net/x", "server_type", "data",
                "bitrate", "", "channels", "0", "samplerate", "0", "genre", "", "current_song", ""),
                parsed(xml).get("http://a.example.net/x"));
    }

    @Test
    void markupCharactersAreEscaped() throws Exception {
        String xml = document(entry("<img src=x onerror=alert(1)>", "Tom & Jerry's \"Best\" <Hits>"));
        assertTrue(xml.contains("<server_name>&lt;img src=x onerror=alert(1)&gt;</server_name>"), xml);
        assertTrue(xml.contains("<current_song>Tom &amp; Jerry&apos;s &quot;Best&quot; &lt;Hits&gt;</current_song>"), xml);
        Map<String, String> e = parsed(xml).get("http://a.example.net/x");
        assertEquals("<img src=x onerror=alert(1)>", e.get("server_name"));
        assertEquals("Tom & Jerry's \"Best\" <Hits>", e.get("current_song"));
    }

    @Test
    void charactersThatXml10ForbidsAreRemovedAndTheRestIsKept() throws Exception {
        StringBuilder forbidden = new StringBuilder();
        for (char c = 0; c <= 0x1F; c++) {
            if (c != '\t' && c != '\n' && c != '\r') {
                forbidden.append(c);
            }
        }
        forbidden.append('\uFFFE').append('\uFFFF');
        String song = "a" + forbidden + "b\uD800c\uDC00d\uDC00\uD800e\uD83C\uDFB5f\u00E9\u4E2D\u0085";
        String xml = document(entry("Name\u0000", song));
        assertEquals("Name", parsed(xml).get("http://a.example.net/x").get("server_name"));
        assertEquals("abcde\uD83C\uDFB5f\u00E9\u4E2D\u0085", parsed(xml).get("http://a.example.net/x").get("current_song"),
                "lone and reversed surrogates dropped, the valid pair (an emoji) kept");
    }

    @Test
    void aDocumentFullOfHostileTextParsesWithTheJdkParser() throws Exception {
        YpXmlWriter.Entry[] entries = new YpXmlWriter.Entry[64];
        for (int i = 0; i < entries.length; i++) {
            StringBuilder s = new StringBuilder("]]> <!-- --> <?pi?> <![CDATA[ &amp; &#0; &#x1F; ");
            s.append((char) i).append((char) (0xFFC0 + i)).append((char) (0xD7C0 + i)).append("\uDBFF");
            entries[i] = new YpXmlWriter.Entry(s.toString(), "http://a.example.net/" + i, "audio/mpeg", "", 0, 0,
                    "<genre>", s.toString());
        }
        Map<String, Map<String, String>> parsed = parsed(document(entries));
        assertEquals(64, parsed.size());
        assertEquals("<genre>", parsed.get("http://a.example.net/7").get("genre"));
        assertTrue(parsed.get("http://a.example.net/7").get("server_name").startsWith("]]> <!-- --> <?pi?> <![CDATA[ &amp; &#0;"));
    }

    @Test
    void mapsAListedStreamLikeDirXiphOrg() {
        YpXmlWriter.Entry e = YpXmlWriter.entryOf(stream("audio/ogg", 96, null, null, List.of("hip hop", "jazz")));
        assertEquals(new YpXmlWriter.Entry("Radio", "http://a.example.net/x", "application/ogg", "96", 0, 0,
                "hip hop jazz", "Song"), e);
        YpXmlWriter.Entry unknown = YpXmlWriter.entryOf(stream("audio/mpeg", null, 44100, 2, List.of()));
        assertEquals("", unknown.bitrate());
        assertEquals(2, unknown.channels());
        assertEquals(44100, unknown.samplerate());
        assertEquals("", unknown.genre());
    }

    @Test
    void everyOggFlavourIsPublishedAsApplicationOgg() {
        for (String type : List.of("application/ogg", "audio/ogg", "video/ogg", "application/x-ogg", "Application/OGG",
                "application/ogg+vorbis", "application/ogg+opus", "audio/ogg; codecs=opus")) {
            assertEquals("application/ogg", YpXmlWriter.serverType(type), type);
        }
        assertEquals("audio/mpeg", YpXmlWriter.serverType("Audio/MPEG"));
        assertEquals("audio/aacp", YpXmlWriter.serverType("audio/aacp; rate=44100"));
        assertEquals("audio/webm", YpXmlWriter.serverType("audio/webm"));
        assertEquals("data", YpXmlWriter.serverType(" "));
    }

    private static YpXmlWriter.Entry entry(String name, String song) {
        return new YpXmlWriter.Entry(name, "http://a.example.net/x", "audio/mpeg", "128", 2, 44100, "rock", song);
    }

    private static StreamView stream(String type, Integer bitrate, Integer samplerate, Integer channels, List<String> genres) {
        return new StreamView(UUID.randomUUID(), UUID.randomUUID(), "Radio", genres, "not in yp.xml", "https://a.example.net/",
                "http://a.example.net/x", type, null, bitrate, samplerate, channels, "Song", 12, 100, Instant.EPOCH, Instant.EPOCH);
    }
}
