package org.ondes.catalog.export;

import org.ondes.streams.StreamView;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code yp.xml} exactly as dir.xiph.org served it (docs/exports.md): root {@code <directory>}, one
 * {@code <entry>} per listen URL, its eight elements always present and always in the same order, because VLC's
 * service discovery reads six of them unconditionally and Clementine parses the numbers with {@code toInt()}.
 * Listeners, description and homepage are deliberately not part of the format.
 *
 * <p>Pure: it writes to the given {@link Writer} and nothing else; the caller owns buffering and closing.
 */
final class YpXmlWriter {
    /** One {@code <entry>}, already in the textual form of yp.xml. */
    record Entry(String serverName, String listenUrl, String serverType, String bitrate, int channels, int samplerate,
                 String genre, String currentSong) {
    }

    private final Writer out;

    YpXmlWriter(Writer out) {
        this.out = out;
    }

    /** Maps a listed stream to its yp.xml entry: Ogg as {@code application/ogg}, unknown numbers as dir.xiph.org did. */
    static Entry entryOf(StreamView s) {
        return new Entry(s.name(), s.listenUrl(), serverType(s.contentType()),
                s.bitrate() == null ? "" : Integer.toString(s.bitrate()),
                s.channels() == null ? 0 : s.channels(), s.samplerate() == null ? 0 : s.samplerate(),
                genre(s.genres()), s.currentSong());
    }

    /**
     * The MIME type as announced, lower case and without parameters; every Ogg flavour ({@code audio/ogg},
     * {@code application/x-ogg}, {@code application/ogg+vorbis} …) becomes {@code application/ogg}, the one Ogg type
     * dir.xiph.org published. An empty type becomes {@code data}, dir.xiph.org's "unknown".
     */
    static String serverType(String contentType) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (type.isEmpty()) {
            return "data";
        }
        if (type.equals("audio/ogg") || type.equals("video/ogg") || type.equals("application/x-ogg")
                || type.equals("application/ogg") || type.startsWith("application/ogg+")) {
            return "application/ogg";
        }
        return type;
    }

    /** Tags joined by single spaces (a multi-word tag such as "hip hop" therefore reads as two words to clients). */
    static String genre(List<String> tags) {
        return tags == null ? "" : String.join(" ", tags);
    }

    void begin() throws IOException {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<directory>\n");
    }

    void entry(StreamView stream) throws IOException {
        entry(entryOf(stream));
    }

    void entry(Entry e) throws IOException {
        out.write("  <entry>\n");
        element("server_name", e.serverName());
        element("listen_url", e.listenUrl());
        element("server_type", e.serverType());
        element("bitrate", e.bitrate());
        element("channels", Integer.toString(e.channels()));
        element("samplerate", Integer.toString(e.samplerate()));
        element("genre", e.genre());
        element("current_song", e.currentSong());
        out.write("  </entry>\n");
    }

    void end() throws IOException {
        out.write("</directory>\n");
    }

    private void element(String name, String text) throws IOException {
        out.write("    <");
        out.write(name);
        out.write('>');
        XmlText.write(out, text);
        out.write("</");
        out.write(name);
        out.write(">\n");
    }
}
