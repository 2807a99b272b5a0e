package org.ondes.site;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.UUID;

/**
 * A live station as the pages show it: texts already formatted, links already built, and its listen URLs ({@link
 * Source}) with what the browser's script needs to decide whether it can play them. Another instance's stream has its
 * {@code origin} (host[:port]) and {@code originUrl} (the station's page there, an http(s) URL); both null otherwise.
 */
public record StationCard(UUID id, String name, String href, @Nullable String currentSong, List<Chip> genres,
                          String format, int listeners, String listenersText, String liveSinceIso, String liveForText,
                          List<Source> sources, String m3u, String pls, @Nullable String origin,
                          @Nullable String originUrl) {

    /**
     * One listen URL (one Icecast mount or relay).
     *
     * @param probeType the media type to ask {@code canPlayType} about ({@link PlaybackTypes})
     */
    public record Source(UUID sessionId, String url, String contentType, String probeType, String format,
                         int listeners, String listenersText, boolean https) {
    }

    /** A link to the list filtered by one genre; {@code active} when the current search has it. */
    public record Chip(String name, String href, boolean active) {
    }
}
