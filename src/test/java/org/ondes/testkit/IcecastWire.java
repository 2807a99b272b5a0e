package org.ondes.testkit;

import java.nio.charset.StandardCharsets;

/** Builds YP request bodies byte-for-byte the way Icecast 2.4.4 escapes them (only [0-9A-Za-z] literal, lower-case hex). */
public final class IcecastWire {
    private IcecastWire() {
    }

    public static String esc(String value) {
        StringBuilder b = new StringBuilder();
        for (byte raw : value.getBytes(StandardCharsets.UTF_8)) {
            int c = raw & 0xff;
            if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                b.append((char) c);
            } else {
                b.append('%').append(String.format("%02x", c));
            }
        }
        return b.toString();
    }

    /** An Icecast 2.4.4 add for an Ogg Vorbis mount (trailing empty audio-info segment and CRLF included). */
    public static byte[] add(String name, String genre, String listenUrl) {
        return add(name, genre, listenUrl, "application/ogg", "Vorbis", "96");
    }

    /** An add for any format, e.g. {@code ("audio/mpeg", "", "128")} as Icecast announces an MP3 mount. */
    public static byte[] add(String name, String genre, String listenUrl, String type, String stype, String bitrate) {
        return ("action=add&sn=" + esc(name) + "&genre=" + esc(genre) + "&cpswd=&desc="
                + esc("A 440 Hz <b>sine</b> & friends") + "&url=" + esc("http://example.org/feas") + "&listenurl="
                + esc(listenUrl) + "&type=" + esc(type) + "&stype=" + esc(stype) + "&b=" + esc(bitrate)
                + "&\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] touch(String sid, String song, int listeners) {
        return ("action=touch&sid=" + sid + "&st=" + esc(song) + "&listeners=" + listeners
                + "&max_listeners=100&stype=Vorbis\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] remove(String sid) {
        return ("action=remove&sid=" + sid).getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] raw(String body) {
        return body.getBytes(StandardCharsets.ISO_8859_1);
    }
}
