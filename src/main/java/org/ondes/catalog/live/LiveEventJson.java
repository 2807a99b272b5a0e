package org.ondes.catalog.live;

/**
 * The {@code data:} of live-feed events, as compact JSON on one line: {@code stationId}, {@code sessionId}, the fields
 * of the event's type ({@code currentSong}, {@code listeners}, {@code reason}) and {@code at} (ISO 8601, UTC).
 * Fields of other types are left out rather than sent as null.
 */
final class LiveEventJson {
    private LiveEventJson() {
    }

    static String data(LiveEvent e) {
        StringBuilder b = new StringBuilder(160);
        b.append("{\"stationId\":\"").append(e.stationId()).append("\",\"sessionId\":\"").append(e.sessionId()).append('"');
        switch (e.kind()) {
            case NOW_PLAYING:
                b.append(",\"currentSong\":");
                string(b, e.currentSong());
                number(b, "listeners", e.listeners());
                break;
            case LISTENERS:
                number(b, "listeners", e.listeners());
                break;
            case OFFLINE:
                b.append(",\"reason\":");
                string(b, e.reason());
                break;
            default:
                break;
        }
        b.append(",\"at\":\"").append(e.at()).append("\"}");
        return b.toString();
    }

    /** The data of a {@code resync} event: the client should refetch {@code /api/v1/streams}. */
    static String resync(String reason) {
        StringBuilder b = new StringBuilder(reason.length() + 16);
        b.append("{\"reason\":");
        string(b, reason);
        return b.append('}').toString();
    }

    private static void number(StringBuilder b, String name, Integer value) {
        if (value != null) {
            b.append(",\"").append(name).append("\":").append(value.intValue());
        }
    }

    static void string(StringBuilder b, String s) {
        if (s == null) {
            b.append("null");
            return;
        }
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    b.append("\\\"");
                    break;
                case '\\':
                    b.append("\\\\");
                    break;
                case '\n':
                    b.append("\\n");
                    break;
                case '\r':
                    b.append("\\r");
                    break;
                case '\t':
                    b.append("\\t");
                    break;
                default:
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
            }
        }
        b.append('"');
    }
}
