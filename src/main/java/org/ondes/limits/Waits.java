package org.ondes.limits;

/** Waits in words, for the messages people and Icecast logs read ("try again in 12 minutes"). */
public final class Waits {
    private Waits() {
    }

    /** Rounded up to what a reader needs: seconds below a minute, minutes below two hours, hours above. */
    public static String text(long seconds) {
        if (seconds < 60) {
            return plural(Math.max(1, seconds), "second");
        }
        if (seconds < 2 * 3600) {
            return plural((seconds + 59) / 60, "minute");
        }
        return plural((seconds + 3599) / 3600, "hour");
    }

    /** A limit's window in words: "a minute", "an hour", "every 90 seconds". */
    public static String per(java.time.Duration window) {
        long s = window.toSeconds();
        if (s == 60) {
            return "a minute";
        }
        if (s == 3600) {
            return "an hour";
        }
        return "every " + text(s);
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
