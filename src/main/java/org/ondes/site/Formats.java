package org.ondes.site;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Texts the pages show for numbers and times (English; times in UTC, which the browser's script localises). */
public final class Formats {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Formats() {
    }

    /** "MP3 · 128 kbit/s", "Vorbis", "128 kbit/s", or "format unknown". */
    public static String format(String codec, Integer bitrate) {
        String rate = bitrate == null || bitrate <= 0 ? null : bitrate + " kbit/s";
        if (codec == null || codec.isBlank()) {
            return rate == null ? "format unknown" : rate;
        }
        return rate == null ? codec : codec + " · " + rate;
    }

    /** "1 listener", "12 listeners". */
    public static String listeners(int n) {
        return n == 1 ? "1 listener" : n + " listeners";
    }

    /** How long a station has been on air: "live for less than a minute", "live for 5 min", "live for 2 h 05 min". */
    static String liveFor(Instant since, Instant now) {
        Duration d = Duration.between(since, now);
        if (d.isNegative() || d.toMinutes() < 1) {
            return "live for less than a minute";
        }
        long minutes = d.toMinutes();
        if (minutes < 60) {
            return "live for " + minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return String.format(Locale.ROOT, "live for %d h %02d min", hours, minutes % 60);
        }
        return "live for " + (hours / 24) + " days";
    }

    public static String time(Instant at) {
        return TIME.format(at);
    }

    /** "2026-11-21 14:03 UTC": for times that may lie on another day. */
    public static String dateTime(Instant at) {
        return DATE_TIME.format(at);
    }
}
