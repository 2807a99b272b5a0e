package org.ondes.yp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An {@code application/x-www-form-urlencoded} body split as the YP spec (§2.5) recommends: one trailing
 * CRLF or LF removed, split on '&', empty segments dropped, each segment split at its first '=' and
 * percent-decoded to bytes, then decoded as UTF-8 or, failing that, ISO-8859-1. Values are decoded text,
 * not yet cleaned.
 */
final class FormBody {

    /** One {@code name=value} segment; {@code name} is lower-cased, {@code rawName} as decoded. */
    record Param(String name, String rawName, String value) {
    }

    private final List<Param> params = new ArrayList<>();
    private final Map<String, String> firstValues = new HashMap<>();
    private final List<String> keyOnly = new ArrayList<>();

    private FormBody() {
    }

    static FormBody parse(byte[] input) {
        FormBody form = new FormBody();
        int end = input.length;
        if (end > 0 && input[end - 1] == '\n') {
            end--;
            if (end > 0 && input[end - 1] == '\r') {
                end--;
            }
        }
        int start = 0;
        while (start <= end) {
            int amp = indexOf(input, (byte) '&', start, end);
            int segmentEnd = amp < 0 ? end : amp;
            if (segmentEnd > start) {
                form.addSegment(input, start, segmentEnd);
            }
            start = segmentEnd + 1;
        }
        return form;
    }

    private void addSegment(byte[] input, int from, int to) {
        int eq = indexOf(input, (byte) '=', from, to);
        if (eq < 0) {
            keyOnly.add(decode(input, from, to));
            return;
        }
        String rawName = decode(input, from, eq).strip();
        if (rawName.isEmpty()) {
            return;
        }
        String name = rawName.toLowerCase(Locale.ROOT);
        String value = decode(input, eq + 1, to);
        params.add(new Param(name, rawName, value));
        firstValues.putIfAbsent(name, value);
    }

    /** The value of the first parameter with this (lower-case) name, or null. */
    String get(String name) {
        return firstValues.get(name);
    }

    /** All {@code name=value} segments in body order, duplicates included. */
    List<Param> params() {
        return params;
    }

    /** Decoded segments that had no '=' (Icecast 2.4's audio-info blob is one), in body order. */
    List<String> keyOnly() {
        return keyOnly;
    }

    private static String decode(byte[] input, int from, int to) {
        return FormCodec.toText(FormCodec.percentDecode(input, from, to));
    }

    private static int indexOf(byte[] input, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (input[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
