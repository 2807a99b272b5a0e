package org.ondes.catalog.live;

/**
 * Encodes Server-Sent Events frames (HTML Living Standard, "Server-sent events"). A line break inside data is sent as
 * one {@code data:} line per line (CRLF, CR and LF all count, as the client's parser splits on each of them), so any
 * text round-trips. Field values that cannot hold a line break (event name, id) are refused if they contain one.
 */
final class SseFraming {
    private SseFraming() {
    }

    static SseFrame event(long id, String type, String data) {
        requireSingleLine("event type", type);
        StringBuilder b = new StringBuilder(data.length() + type.length() + 32);
        if (id > 0) {
            b.append("id: ").append(id).append('\n');
        }
        b.append("event: ").append(type).append('\n');
        appendLines(b, "data: ", data);
        b.append('\n');
        return new SseFrame(id, b.toString());
    }

    /** A comment (ignored by clients, used as keep-alive); multi-line text becomes several comment lines. */
    static SseFrame comment(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        appendLines(b, ": ", text);
        b.append('\n');
        return new SseFrame(0, b.toString());
    }

    /** The first frame of every stream: the reconnection delay the client should use, and a comment. */
    static SseFrame hello(long retryMillis) {
        return new SseFrame(0, "retry: " + retryMillis + "\n: ondes live events\n\n");
    }

    private static void appendLines(StringBuilder b, String prefix, String text) {
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                b.append(prefix).append(text, start, i).append('\n');
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        b.append(prefix).append(text, start, n).append('\n');
    }

    private static void requireSingleLine(String what, String value) {
        if (value.isEmpty() || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(what + " must be one non-empty line: " + value);
        }
    }
}
