package org.ondes.federation.signatures;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP dates. Writes IMF-fixdate only ({@code Sun, 06 Nov 1994 08:49:37 GMT}, always two-digit days: Java's
 * {@code RFC_1123_DATE_TIME} would write {@code Sat, 1 Nov} and some peers refuse that); reads leniently, because
 * senders do not all write IMF-fixdate.
 */
public final class HttpDate {

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /**
     * Tried in order by {@link #parse}: RFC 1123 (one- or two-digit day, optional weekday, {@code GMT} or an offset),
     * RFC 850, asctime.
     */
    private static final List<DateTimeFormatter> READERS = List.of(
            DateTimeFormatter.RFC_1123_DATE_TIME,
            new DateTimeFormatterBuilder().appendPattern("EEEE, dd-MMM-")
                    .appendValueReduced(ChronoField.YEAR, 2, 2, 1970) // RFC 850's two-digit years: 1970-2069
                    .appendPattern(" HH:mm:ss zzz").toFormatter(Locale.ENGLISH),
            DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC));

    private HttpDate() {
    }

    /** {@code instant} as IMF-fixdate, in UTC, whole seconds. */
    public static String format(Instant instant) {
        return IMF_FIXDATE.format(instant);
    }

    /**
     * Reads an HTTP date: IMF-fixdate, RFC 1123 with a one-digit day, without the weekday, RFC 850 or asctime;
     * surrounding and repeated spaces are tolerated. Empty when it is none of these.
     */
    public static Optional<Instant> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String text = value.trim().replaceAll("\\s+", " ");
        if (text.isEmpty() || text.length() > 64) {
            return Optional.empty();
        }
        for (DateTimeFormatter reader : READERS) {
            try {
                return Optional.of(ZonedDateTime.parse(text, reader).toInstant());
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return Optional.empty();
    }
}
