package org.ondes.catalog.export;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlaylistWriterTest {
    private static final String A = "http://radio.example.org:8000/live.ogg";
    private static final String B = "http://relay.example.net/live.mp3";
    private static final PlaylistWriter.Playlist RADIO = new PlaylistWriter.Playlist("Radio Example",
            "https://radio.example.org/", List.of(A, B));

    @Test
    void m3uIsExtendedM3uWithCrlfLines() {
        assertEquals("#EXTM3U\r\n#EXTINF:-1,Radio Example\r\n" + A + "\r\n#EXTINF:-1,Radio Example\r\n" + B + "\r\n",
                PlaylistWriter.m3u(RADIO));
    }

    @Test
    void plsIsVersion2WithOneNumberedGroupPerUrl() {
        assertEquals("[playlist]\r\nFile1=" + A + "\r\nTitle1=Radio Example\r\nLength1=-1\r\nFile2=" + B
                + "\r\nTitle2=Radio Example\r\nLength2=-1\r\nNumberOfEntries=2\r\nVersion=2\r\n", PlaylistWriter.pls(RADIO));
    }

    @Test
    void xspfIsVersion1WithTitleInfoAndOneTrackPerUrl() throws Exception {
        assertEquals("""
                <?xml version="1.0" encoding="UTF-8"?>
                <playlist version="1" xmlns="http://xspf.org/ns/0/">
                  <title>Radio Example</title>
                  <info>https://radio.example.org/</info>
                  <trackList>
                    <track><location>http://radio.example.org:8000/live.ogg</location></track>
                    <track><location>http://relay.example.net/live.mp3</location></track>
                  </trackList>
                </playlist>
                """, PlaylistWriter.xspf(RADIO));
    }

    @Test
    void lineBreaksInANameCannotStartANewEntry() {
        PlaylistWriter.Playlist evil = new PlaylistWriter.Playlist("Evil\r\nhttp://evil.example.com/x.mp3\n#EXTINF:-1,x\rFile9=y\u2028z\u0085",
                null, List.of(A));
        String m3u = PlaylistWriter.m3u(evil);
        assertEquals(List.of("#EXTM3U", "#EXTINF:-1,Evil http://evil.example.com/x.mp3 #EXTINF:-1,x File9=y z", A),
                List.of(m3u.split("\r\n")));
        assertFalse(m3u.replace("\r\n", "").contains("\n") || m3u.replace("\r\n", "").contains("\r"), m3u);
        String pls = PlaylistWriter.pls(evil);
        assertEquals(List.of("[playlist]", "File1=" + A, "Title1=Evil http://evil.example.com/x.mp3 #EXTINF:-1,x File9=y z",
                "Length1=-1", "NumberOfEntries=1", "Version=2"), List.of(pls.split("\r\n")));
    }

    @Test
    void anEqualsSignInATitleStaysInTheValue() {
        String pls = PlaylistWriter.pls(new PlaylistWriter.Playlist("a=b [playlist] NumberOfEntries=9", null, List.of(A)));
        String title = List.of(pls.split("\r\n")).get(2);
        assertEquals("Title1", title.substring(0, title.indexOf('=')), "readers split at the first '='");
        assertEquals("a=b [playlist] NumberOfEntries=9", title.substring(title.indexOf('=') + 1));
        assertTrue(pls.contains("\r\nNumberOfEntries=1\r\n"), pls);
    }

    @Test
    void xspfEscapesTextAndParses() throws Exception {
        PlaylistWriter.Playlist p = new PlaylistWriter.Playlist("<img src=x onerror=alert(1)> & 'Co' \"Radio\"\u0000\uFFFF",
                "https://radio.example.org/?a=1&b=<2>", List.of("http://radio.example.org/live?x=1&y=2"));
        String xml = PlaylistWriter.xspf(p);
        assertTrue(xml.contains("<title>&lt;img src=x onerror=alert(1)&gt; &amp; &apos;Co&apos; &quot;Radio&quot;</title>"), xml);
        Element root = XmlDocs.parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
        assertEquals(XmlDocs.XSPF_NS, root.getNamespaceURI());
        assertEquals(List.of("<img src=x onerror=alert(1)> & 'Co' \"Radio\""), XmlDocs.xspfTexts(root, "title"));
        assertEquals("\uD83C\uDFB5 x", PlaylistWriter.line("\uD800\uD83C\uDFB5\r\nx\uDC00"), "valid pairs kept, lone halves dropped");
        assertEquals(List.of("https://radio.example.org/?a=1&b=<2>"), XmlDocs.xspfTexts(root, "info"));
        assertEquals(List.of("http://radio.example.org/live?x=1&y=2"), XmlDocs.xspfTexts(root, "location"));
    }

    @Test
    void xspfLeavesOutInfoWithoutAHomepage() throws Exception {
        String xml = PlaylistWriter.xspf(new PlaylistWriter.Playlist("R", null, List.of(A)));
        assertFalse(xml.contains("<info>"), xml);
        assertEquals(List.of(A), XmlDocs.xspfTexts(XmlDocs.parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement(), "location"));
    }

    @Test
    void fileNamesAreSafeAsciiTokens() {
        assertEquals("Radio_Example", PlaylistWriter.fileName("Radio Example"));
        assertEquals("Rock_Roll_n_Blues", PlaylistWriter.fileName("Rock & <Roll> 'n' \"Blues\""));
        assertEquals("Radio_sterreich", PlaylistWriter.fileName("Radio Österreich"));
        assertEquals("etc_passwd_X-Evil_1_x", PlaylistWriter.fileName("../../etc/passwd\r\nX-Evil: 1\"; x=\""), "no path, quote or header injection");
        assertEquals("station", PlaylistWriter.fileName("日本語ラジオ"));
        assertEquals("station", PlaylistWriter.fileName(null));
        assertEquals("a_b", PlaylistWriter.fileName("  a \uD83C\uDFB5 b  "));
        assertEquals(60, PlaylistWriter.fileName("x".repeat(500)).length());
    }

    @org.junit.jupiter.api.Test
    void searchPlaylistsTitleEachEntryWithItsStation() {
        PlaylistWriter.Playlist p = new PlaylistWriter.Playlist("Ondes search", null,
                List.of("http://a.example.net/1", "http://b.example.net/2"), List.of("Alpha", "Beta\r\nInjected"));
        org.junit.jupiter.api.Assertions.assertEquals("#EXTM3U\r\n#EXTINF:-1,Alpha\r\nhttp://a.example.net/1\r\n"
                + "#EXTINF:-1,Beta Injected\r\nhttp://b.example.net/2\r\n", PlaylistWriter.m3u(p));
        org.junit.jupiter.api.Assertions.assertTrue(PlaylistWriter.pls(p).contains("Title2=Beta Injected\r\n"));
        org.junit.jupiter.api.Assertions.assertTrue(PlaylistWriter.xspf(p).contains("<title>Alpha</title>"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new PlaylistWriter.Playlist("x", null, List.of("http://a"), List.of()));
    }
}
