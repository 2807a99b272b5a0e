package org.ondes.yp;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lenient parsing of the numeric YP parameters. */
final class Numbers {

    private static final Pattern NUMBER = Pattern.compile("\\+?(\\d*)(?:\\.(\\d*))?");

    private Numbers() {
    }

    /**
     * "128", " 128 ", "128.0" and "127.5" (rounded half up) are accepted; null, blank, negative and
     * anything else give null. Values above {@link Integer#MAX_VALUE} are clamped to it.
     */
    static Integer lenientInt(String s) {
        if (s == null) {
            return null;
        }
        Matcher m = NUMBER.matcher(s.strip());
        if (!m.matches()) {
            return null;
        }
        String whole = m.group(1);
        String fraction = m.group(2) == null ? "" : m.group(2);
        if (whole.isEmpty() && fraction.isEmpty()) {
            return null;
        }
        int start = 0;
        while (start < whole.length() - 1 && whole.charAt(start) == '0') {
            start++;
        }
        whole = whole.substring(start);
        if (whole.length() > 10) {
            return Integer.MAX_VALUE;
        }
        long value = whole.isEmpty() ? 0 : Long.parseLong(whole);
        if (!fraction.isEmpty() && fraction.charAt(0) >= '5') {
            value++;
        }
        return (int) Math.min(value, Integer.MAX_VALUE);
    }

    /** A bitrate above 1000 is taken as bit/s (Icecast 2.5 sends Vorbis bitrates so) and rounded to kbit/s. */
    static Integer kbps(Integer bitrate) {
        if (bitrate == null || bitrate <= 1000) {
            return bitrate;
        }
        return (int) Math.round(bitrate / 1000.0);
    }
}
