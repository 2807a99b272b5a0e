package org.ondes.yp;

/**
 * A YP answer. Icecast reads only headers: {@code YPResponse: 1|0}, {@code YPMessage}, {@code SID} (on add) and
 * {@code TouchFreq}; the HTTP status is always 200. {@link YpController} writes these names in exactly this case.
 */
public record YpReply(boolean ok, String message, String sid, Integer touchFreq) {
    static final int MAX_MESSAGE = 300;

    public static YpReply added(String sid, int touchFreq, String message) {
        return new YpReply(true, message, sid, touchFreq);
    }

    public static YpReply ok(String message, Integer touchFreq) {
        return new YpReply(true, message, null, touchFreq);
    }

    /** A refusal; conventionally carries {@code SID: -1}, which Icecast ignores. */
    public static YpReply refused(String message) {
        return new YpReply(false, message, "-1", null);
    }

    /**
     * A refusal with {@code TouchFreq}: after a failed touch Icecast waits max(1200 s, TouchFreq) before it adds
     * again, so a long one keeps a client that hit a limit away for that long (dir.xiph.org's load shedding).
     */
    public static YpReply refused(String message, int touchFreq) {
        return new YpReply(false, message, "-1", touchFreq);
    }

    /** The message as it goes on the wire: one line of printable ASCII, capped (it lands in Icecast's log). */
    public String headerMessage() {
        return headerSafe(message);
    }

    static String headerSafe(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), MAX_MESSAGE));
        for (int i = 0; i < s.length() && b.length() < MAX_MESSAGE; i++) {
            char c = s.charAt(i);
            b.append(c >= 0x20 && c < 0x7f ? c : (Character.isWhitespace(c) ? ' ' : '?'));
        }
        return b.toString().strip();
    }
}
