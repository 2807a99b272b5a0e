package org.ondes.catalog.radiobrowser;

import io.micronaut.core.annotation.Nullable;
import org.ondes.catalog.CatalogEntry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

/**
 * Maps a live catalog entry onto radio-browser's station object. Ondes lists only streams whose listen URL it has
 * played and that Icecast keeps touching, so every entry is a working station ({@code lastcheckok} 1); all check and
 * change times are the moment the station went live (its listen URL was verified then, and liveness since comes from
 * the touches). Fields Ondes has no data for get radio-browser's own empty values.
 */
final class RbStations {
    /** radio-browser's plain timestamp format, always UTC. */
    static final DateTimeFormatter PLAIN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** Reported when the stream's codec is not known, as radio-browser's checker does. */
    static final String UNKNOWN_CODEC = "UNKNOWN";

    /** A station's counted clicks in the last 24 hours and its latest kept click (null when there is none). */
    record Clicks(int lastDay, @Nullable Instant latest) {
        static final Clicks NONE = new Clicks(0, null);
    }

    private RbStations() {
    }

    static RbStation of(CatalogEntry e, Clicks clicks) {
        Instant live = e.liveSince();
        String liveText = plain(live);
        String liveIso = iso(live);
        String url = e.listenUrl();
        return new RbStation(changeUuid(e).toString(), e.id().toString(), null, e.name(), url, url,
                orEmpty(e.homepage()), orEmpty(e.logoUrl()), String.join(",", e.genres()), "", orEmpty(e.country()), null, "", "",
                orEmpty(e.language()), 0, liveText, liveIso, e.codec() == null ? UNKNOWN_CODEC : e.codec(),
                e.bitrate() == null ? 0 : Math.max(0, e.bitrate()), 0, 1, liveText, liveIso, liveText, liveIso,
                liveText, liveIso, plain(clicks.latest()), iso(clicks.latest()), clicks.lastDay(), 0, 0, null, null,
                null, false);
    }

    /** "YYYY-MM-DD HH:MM:SS" in UTC, or "" (radio-browser's value for "never"). */
    static String plain(@Nullable Instant t) {
        return t == null ? "" : PLAIN.format(t);
    }

    /** ISO 8601 in UTC to the second ("2026-11-21T10:15:30Z"), or null. */
    static @Nullable String iso(@Nullable Instant t) {
        return t == null ? null : DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * radio-browser gives every version of a station a new change id. Ondes keeps no change history, so the id is
     * derived from what the station object shows (and when it went live): it changes exactly when those change.
     */
    static UUID changeUuid(CatalogEntry e) {
        String state = String.join("\n", e.id().toString(), e.liveSince().toString(), e.name(), e.listenUrl(),
                String.join(",", e.genres()), String.valueOf(e.codec()), String.valueOf(e.bitrate()),
                String.valueOf(e.homepage()), String.valueOf(e.country()), String.valueOf(e.language()),
                String.valueOf(e.logoUrl()));
        return UUID.nameUUIDFromBytes(state.getBytes(StandardCharsets.UTF_8));
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}
