package org.ondes.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;

/**
 * Turns untrusted text (YP parameters, stream metadata) into plain, single-line Unicode text that is
 * safe to store and to write into XML 1.0, HTML or JSON after the usual output escaping.
 *
 * <p>{@link #clean} pipeline, in this order:
 * <ol>
 *   <li>repair double-encoded UTF-8 ("MotÃ¶rhead" → "Motörhead"); see {@link #repairMojibake};</li>
 *   <li>decode numeric character references ({@code &#8211;}, {@code &#x2013;}) and the five XML
 *       entities, each only with its trailing ';';</li>
 *   <li>tab, CR and LF become a space; other C0/C1 controls, DEL, noncharacters, unpaired surrogates and
 *       bidi embedding/override/isolate controls are removed;</li>
 *   <li>whitespace runs collapse to one space; the result is trimmed and capped by code points.</li>
 * </ol>
 * Mojibake repair runs before entity decoding so that a decoded reference above U+00FF cannot hide
 * double-encoded text, and before control removal because the repair needs the C1 characters.
 * Text is never HTML-escaped here: escaping is the job of each output.
 */
public final class PlainText {

    private PlainText() {
    }

    /** Cleans {@code s} as described above; null in → null out, and null when nothing is left. */
    public static String clean(String s, int maxCodePoints) {
        if (s == null) {
            return null;
        }
        return finish(decodeEntities(repairMojibake(s)), maxCodePoints);
    }

    /**
     * Converts an HTML fragment to its text (tags dropped, script/style content dropped, all HTML
     * entities decoded once), then applies {@link #clean} minus entity decoding (no double decoding).
     */
    public static String fromHtml(String s, int maxCodePoints) {
        if (s == null) {
            return null;
        }
        String text = Jsoup.parse(repairMojibake(s)).text();
        return finish(text, maxCodePoints);
    }

    /**
     * Keeps at most {@code maxCodePoints} code points, never splitting a surrogate pair.
     * Null in → null out.
     */
    public static String truncate(String s, int maxCodePoints) {
        if (s == null) {
            return null;
        }
        if (maxCodePoints <= 0) {
            return "";
        }
        if (s.length() <= maxCodePoints) {
            return s;
        }
        int count = s.codePointCount(0, s.length());
        if (count <= maxCodePoints) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, maxCodePoints));
    }

    private static String finish(String s, int maxCodePoints) {
        String out = truncate(collapse(stripControls(s)), maxCodePoints).trim();
        return out.isEmpty() ? null : out;
    }

    /**
     * If every char is ≤ U+00FF and the text contains a UTF-8 lead byte followed by a continuation
     * byte, re-encodes it as ISO-8859-1 and uses the result when those bytes are valid UTF-8.
     * Plain Latin-1 such as "Café" is not valid UTF-8 as bytes and is returned unchanged.
     */
    static String repairMojibake(String s) {
        boolean candidate = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0xFF) {
                return s;
            }
            if (c >= 0xC2 && c <= 0xF4 && i + 1 < s.length()) {
                char next = s.charAt(i + 1);
                candidate |= next >= 0x80 && next <= 0xBF;
            }
        }
        if (!candidate) {
            return s;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1)))
                    .toString();
        } catch (CharacterCodingException e) {
            return s;
        }
    }

    static String decodeEntities(String s) {
        int amp = s.indexOf('&');
        if (amp < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (amp >= 0) {
            out.append(s, i, amp);
            int semi = s.indexOf(';', amp + 1);
            String replacement = semi < 0 || semi - amp > 12 ? null : entity(s.substring(amp + 1, semi));
            if (replacement == null) {
                out.append('&');
                i = amp + 1;
            } else {
                out.append(replacement);
                i = semi + 1;
            }
            amp = s.indexOf('&', i);
        }
        return out.append(s, i, s.length()).toString();
    }

    /** The text of one reference, given what lies between '&' and ';', or null if it is none. */
    private static String entity(String name) {
        switch (name) {
            case "amp": return "&";
            case "lt": return "<";
            case "gt": return ">";
            case "quot": return "\"";
            case "apos": return "'";
            default: break;
        }
        if (name.length() < 2 || name.charAt(0) != '#') {
            return null;
        }
        boolean hex = name.charAt(1) == 'x' || name.charAt(1) == 'X';
        String digits = name.substring(hex ? 2 : 1);
        if (digits.isEmpty() || digits.length() > 8) {
            return null;
        }
        int cp = 0;
        for (int k = 0; k < digits.length(); k++) {
            int d = Character.digit(digits.charAt(k), hex ? 16 : 10);
            if (d < 0) {
                return null;
            }
            cp = cp * (hex ? 16 : 10) + d;
        }
        if (cp > Character.MAX_CODE_POINT || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)) {
            return null;
        }
        return new String(Character.toChars(cp));
    }

    static String stripControls(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\t' || cp == '\n' || cp == '\r') {
                out.append(' ');
            } else if (!isDropped(cp)) {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    private static boolean isDropped(int cp) {
        return cp < 0x20
                || (cp >= 0x7F && cp <= 0x9F)
                || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) // unpaired only
                || (cp >= 0xFDD0 && cp <= 0xFDEF)
                || (cp & 0xFFFE) == 0xFFFE
                || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069);
    }

    private static String collapse(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }
}
