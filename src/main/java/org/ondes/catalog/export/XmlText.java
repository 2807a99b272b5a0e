package org.ondes.catalog.export;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes untrusted text as XML 1.0 character data: the five markup characters become entity references and
 * characters that XML 1.0 does not allow at all are dropped (C0 controls other than tab, LF and CR; U+FFFE; U+FFFF;
 * unpaired surrogates). Valid surrogate pairs (emoji and other supplementary characters) pass through.
 */
final class XmlText {
    private XmlText() {
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s == null ? 0 : s.length() + 16);
        try {
            write(out, s);
        } catch (IOException e) {
            throw new IllegalStateException("a StringBuilder does not fail", e);
        }
        return out.toString();
    }

    /** Appends {@code s} escaped; null appends nothing. */
    static void write(Appendable out, String s) throws IOException {
        if (s == null) {
            return;
        }
        int n = s.length();
        int clean = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            String replacement;
            if (c == '&') {
                replacement = "&amp;";
            } else if (c == '<') {
                replacement = "&lt;";
            } else if (c == '>') {
                replacement = "&gt;";
            } else if (c == '"') {
                replacement = "&quot;";
            } else if (c == '\'') {
                replacement = "&apos;";
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            } else if (allowed(c)) {
                continue;
            } else {
                replacement = "";
            }
            append(out, s, clean, i);
            out.append(replacement);
            clean = i + 1;
        }
        append(out, s, clean, n);
    }

    /** Whether a single UTF-16 unit is a whole XML 1.0 {@code Char} (surrogates only count in valid pairs). */
    static boolean allowed(char c) {
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\r';
        }
        return !Character.isSurrogate(c) && c != 0xFFFE && c != 0xFFFF;
    }

    private static void append(Appendable out, String s, int from, int to) throws IOException {
        if (from < to) {
            if (out instanceof Writer w) {
                w.write(s, from, to - from);
            } else {
                out.append(s, from, to);
            }
        }
    }
}
