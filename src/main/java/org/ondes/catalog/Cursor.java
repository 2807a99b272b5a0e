package org.ondes.catalog;

import org.ondes.web.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * Opaque keyset cursor: the sort key and id of the last row of a page, plus the order it belongs to. Keyset
 * pagination stays stable while stations go live or offline between pages (no skipped or repeated rows because an
 * earlier row appeared or vanished, unlike OFFSET).
 */
record Cursor(StreamQuery.Order order, boolean reverse, String seed, String key, UUID id) {
    private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DEC = Base64.getUrlDecoder();
    private static final int MAX_LENGTH = 1024;

    String encode() {
        String raw = "v1;" + order.wire() + ";" + (reverse ? 1 : 0) + ";" + (seed == null ? "" : seed) + ";" + key + ";" + id;
        return ENC.encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String value) {
        if (value.length() > MAX_LENGTH) {
            throw ProblemException.badRequest("cursor", "is not a cursor this server issued");
        }
        try {
            String raw = new String(DEC.decode(value), StandardCharsets.UTF_8);
            String[] head = raw.split(";", 5);
            int lastSep = raw.lastIndexOf(';');
            if (head.length < 5 || !"v1".equals(head[0]) || lastSep <= 0) {
                throw new IllegalArgumentException("shape");
            }
            StreamQuery.Order order = StreamQuery.Order.fromWire(head[1]);
            boolean reverse = "1".equals(head[2]);
            String seed = head[3].isEmpty() ? null : head[3];
            String rest = head[4];
            int sep = rest.lastIndexOf(';');
            String key = rest.substring(0, sep);
            UUID id = UUID.fromString(rest.substring(sep + 1));
            if (order == null) {
                throw new IllegalArgumentException("order");
            }
            return new Cursor(order, reverse, seed, key, id);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw ProblemException.badRequest("cursor", "is not a cursor this server issued");
        }
    }
}
