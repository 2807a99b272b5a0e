package org.ondes.yp;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Byte-level form decoding: percent escapes to bytes, then bytes to text. Never throws. */
final class FormCodec {

    private FormCodec() {
    }

    /**
     * Decodes {@code src[from, to)}: '+' becomes a space, "%hh" (either case) becomes that byte, and
     * a '%' not followed by two hex digits is kept literally.
     */
    static byte[] percentDecode(byte[] src, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        int i = from;
        while (i < to) {
            byte b = src[i];
            if (b == '+') {
                out.write(' ');
                i++;
            } else if (b == '%' && hex(src, i + 1, to) >= 0 && hex(src, i + 2, to) >= 0) {
                out.write(hex(src, i + 1, to) << 4 | hex(src, i + 2, to));
                i += 3;
            } else {
                out.write(b);
                i++;
            }
        }
        return out.toByteArray();
    }

    /** Strict UTF-8, falling back to ISO-8859-1 (which maps every byte) when the bytes are not UTF-8. */
    static String toText(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /** Percent-decodes a component that is already text (used for audio-info values). */
    static String decodeText(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        return toText(percentDecode(bytes, 0, bytes.length));
    }

    private static int hex(byte[] src, int i, int to) {
        return i < to ? Character.digit(src[i], 16) : -1;
    }
}
