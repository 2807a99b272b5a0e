package org.ondes.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One live station in the catalog: relays and mounts of the same program are one entry with every listen URL offered
 * and listener counts summed. Single-valued technical fields (codec, bitrate …) describe the primary session, the one
 * with most listeners; {@code sessions} has them all. Name, description, homepage, genres and language are the
 * owner's edits where set, else what Icecast announced; country and logo URL come only from the owner.
 *
 * @param origin    null for this instance's stations; for another instance's live stream, that instance's
 *                  host[:port] (it plays from the origin's listen URL)
 * @param originUrl the station's page on its origin, or null
 */
@Serdeable
public record CatalogEntry(UUID id, String name, List<String> genres, @Nullable String description,
                           @Nullable String homepage, String listenUrl, List<String> listenUrls, String contentType,
                           @Nullable String codec, List<String> codecs, @Nullable Integer bitrate,
                           @Nullable Integer samplerate, @Nullable Integer channels, @Nullable String currentSong,
                           int listeners, @Nullable Integer maxListeners, boolean https, @Nullable String language,
                           @Nullable String country, @Nullable String logoUrl, Instant liveSince,
                           List<Session> sessions, @Nullable String origin, @Nullable String originUrl) {

    /** One listed live session (one listen URL) of the station. */
    @Serdeable
    public record Session(UUID id, String listenUrl, String contentType, @Nullable String codec, @Nullable Integer bitrate,
                          @Nullable Integer samplerate, @Nullable Integer channels, @Nullable String currentSong,
                          int listeners, @Nullable Integer maxListeners, Instant liveSince) {
    }
}
