package org.ondes.probe;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;

/**
 * Small text helpers for the probe package: every reason shown to a streamer, written to a log or put
 * into an HTTP header passes through {@link #clean(String, int)}, so anything echoed from a remote
 * server (status text, content type, a Location header) cannot inject line breaks or control codes.
 */
final class Text {

    /** Longest reason a {@link ProbeException} or {@link ProbeResult.Unreachable} carries. */
    static final int MAX_REASON = 200;

    private Text() {
    }

    /**
     * Makes {@code s} a single printable line of at most {@code max} characters: control characters
     * (C0, DEL, C1), line and paragraph separators and bidi overrides become spaces, runs of spaces
     * collapse, and an over-long text is cut with an ellipsis.
     */
    static String clean(String s, int max) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(s.length(), max + 1));
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean blank = c <= 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029
                    || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
            if (blank) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(c);
            if (out.length() > max) {
                break;
            }
        }
        if (out.length() > max) {
            int cut = max - 1;
            if (Character.isHighSurrogate(out.charAt(cut - 1))) {
                cut--;
            }
            out.setLength(cut);
            out.append('…');
        }
        return out.toString();
    }

    /** A URL as it may appear inside a reason: cleaned and at most 100 characters. */
    static String url(URI uri) {
        return clean(String.valueOf(uri), 100);
    }

    /** "5 s", "1.5 s", "0.25 s": how long a timeout was, for reasons. */
    static String seconds(Duration d) {
        long millis = d.toMillis();
        if (millis % 1000 == 0) {
            return (millis / 1000) + " s";
        }
        return (millis / 1000.0) + " s";
    }

    /** An address as people write it: dotted IPv4, compressed IPv6 (RFC 5952), no scope or host name. */
    static String address(InetAddress a) {
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address || b.length == 4) {
            return ipv4(b, 0);
        }
        boolean mapped = true;
        for (int i = 0; i < 10; i++) {
            mapped &= b[i] == 0;
        }
        if (mapped && b[10] == (byte) 0xFF && b[11] == (byte) 0xFF) {
            return "::ffff:" + ipv4(b, 12);
        }
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((b[2 * i] & 0xFF) << 8) | (b[2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLen - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(g[i]));
        }
        return out.toString();
    }

    /** "203.0.113.7:8000" or "[2001:db8::1]:443". */
    static String endpoint(InetSocketAddress s) {
        InetAddress a = s.getAddress();
        if (a == null) {
            return clean(s.getHostString(), 100) + ":" + s.getPort();
        }
        String text = address(a);
        return (text.indexOf(':') >= 0 ? "[" + text + "]" : text) + ":" + s.getPort();
    }

    private static String ipv4(byte[] b, int from) {
        return (b[from] & 0xFF) + "." + (b[from + 1] & 0xFF) + "." + (b[from + 2] & 0xFF) + "."
                + (b[from + 3] & 0xFF);
    }
}
