package org.ondes.catalog.export;

import java.util.List;

/**
 * The three playlist formats players open from a link: M3U, PLS and XSPF, each listing every listen URL of one
 * station (docs/exports.md). Pure functions of their input. Text that could break a line-based format (CR, LF, other
 * controls) is flattened to spaces; XSPF text is XML-escaped.
 */
final class PlaylistWriter {
    static final String M3U_TYPE = "audio/x-mpegurl";
    static final String PLS_TYPE = "audio/x-scpls";
    static final String XSPF_TYPE = "application/xspf+xml";
    private static final String CRLF = "\r\n";
    private static final int MAX_FILE_NAME = 60;

    /**
     * What a playlist is made of: its name, a homepage (may be null), the listen URLs and, for playlists that span
     * several stations (a search), one title per URL; without titles every entry is titled with the name.
     */
    record Playlist(String name, String homepage, List<String> listenUrls, List<String> titles) {
        Playlist {
            listenUrls = List.copyOf(listenUrls);
            titles = titles == null ? null : List.copyOf(titles);
            if (titles != null && titles.size() != listenUrls.size()) {
                throw new IllegalArgumentException("one title per listen URL");
            }
        }

        Playlist(String name, String homepage, List<String> listenUrls) {
            this(name, homepage, listenUrls, null);
        }

        String title(int index) {
            return titles == null ? name : titles.get(index);
        }
    }

    private PlaylistWriter() {
    }

    /** Extended M3U: {@code #EXTM3U}, then {@code #EXTINF:-1,<name>} and the URL for each listen URL, CRLF lines. */
    static String m3u(Playlist p) {
        StringBuilder out = new StringBuilder("#EXTM3U").append(CRLF);
        List<String> urls = p.listenUrls();
        for (int k = 0; k < urls.size(); k++) {
            out.append("#EXTINF:-1,").append(line(p.title(k))).append(CRLF);
            out.append(line(urls.get(k))).append(CRLF);
        }
        return out.toString();
    }

    /**
     * PLS version 2. Readers split a line at its first {@code =}, so an {@code =} in a title stays part of the value;
     * a line break cannot occur because titles are flattened to one line.
     */
    static String pls(Playlist p) {
        StringBuilder out = new StringBuilder("[playlist]").append(CRLF);
        int i = 0;
        for (String url : p.listenUrls()) {
            i++;
            out.append("File").append(i).append('=').append(line(url)).append(CRLF);
            out.append("Title").append(i).append('=').append(line(p.title(i - 1))).append(CRLF);
            out.append("Length").append(i).append("=-1").append(CRLF);
        }
        out.append("NumberOfEntries=").append(i).append(CRLF);
        out.append("Version=2").append(CRLF);
        return out.toString();
    }

    /** XSPF 1: {@code <title>} is the name, {@code <info>} the homepage (left out when there is none). */
    static String xspf(Playlist p) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<playlist version=\"1\" xmlns=\"http://xspf.org/ns/0/\">\n");
        out.append("  <title>").append(XmlText.escape(line(p.name()))).append("</title>\n");
        if (p.homepage() != null && !p.homepage().isBlank()) {
            out.append("  <info>").append(XmlText.escape(line(p.homepage()))).append("</info>\n");
        }
        out.append("  <trackList>\n");
        List<String> urls = p.listenUrls();
        for (int k = 0; k < urls.size(); k++) {
            out.append("    <track><location>").append(XmlText.escape(line(urls.get(k)))).append("</location>");
            if (p.titles() != null) {
                out.append("<title>").append(XmlText.escape(line(p.title(k)))).append("</title>");
            }
            out.append("</track>\n");
        }
        out.append("  </trackList>\n</playlist>\n");
        return out.toString();
    }

    /**
     * A file name for {@code Content-Disposition} from the station name: ASCII letters, digits, {@code -} and
     * {@code _} kept, every other run of characters becomes one {@code _}, at most {@value #MAX_FILE_NAME}
     * characters, {@code station} when nothing is left. Never needs quoting or escaping.
     */
    static String fileName(String name) {
        StringBuilder out = new StringBuilder();
        boolean gap = false;
        String s = name == null ? "" : name;
        for (int i = 0; i < s.length() && out.length() < MAX_FILE_NAME; i++) {
            char c = s.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
                if (gap && out.length() > 0) {
                    out.append('_');
                }
                out.append(c);
                gap = false;
            } else {
                gap = true;
            }
        }
        String result = out.length() > MAX_FILE_NAME ? out.substring(0, MAX_FILE_NAME) : out.toString();
        return result.isEmpty() ? "station" : result;
    }

    /**
     * One line of text: CR, LF and other C0/C1 controls and whitespace become spaces, runs of spaces collapse, ends
     * are trimmed; U+FFFE, U+FFFF and unpaired surrogates (not encodable as UTF-8) are dropped.
     */
    static String line(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || Character.isWhitespace(c)) {
                space = true;
                continue;
            }
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            if (!pair && (Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF')) {
                continue;
            }
            if (space && out.length() > 0) {
                out.append(' ');
            }
            out.append(c);
            if (pair) {
                out.append(s.charAt(++i));
            }
            space = false;
        }
        return out.toString();
    }
}
