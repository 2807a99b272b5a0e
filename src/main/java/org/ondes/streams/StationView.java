package org.ondes.streams;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A station as its owner sees it: the effective profile (what the catalog shows), what Icecast announced, the owner's
 * overrides, whether and why it is hidden, and every session, including the ones that are not listed, with the
 * reason and the last YP exchange, so a streamer can tell why a stream is or is not in the catalog.
 *
 * @param hidden            the owner made the station unlisted: in no list, reachable by its direct link
 * @param hiddenByModerator set when a moderator hid it, with the reason
 * @param listingNote       why the station is not public although it may be live (null when nothing hides it)
 */
@Serdeable
public record StationView(UUID id, String name, @Nullable String description, @Nullable String homepage,
                          List<String> genres, @Nullable String language, @Nullable String country,
                          @Nullable String logoUrl, Announced announced, Overrides overrides, boolean hidden,
                          @Nullable ModeratorHide hiddenByModerator, @Nullable String listingNote,
                          Instant createdAt, Instant updatedAt, @Nullable Instant lastYpRequestAt,
                          @Nullable String lastYpMessage, List<Session> sessions) {

    /** What the station's Icecast announced in its latest add (language: of its most recent session). */
    @Serdeable
    public record Announced(String name, @Nullable String description, @Nullable String homepage, List<String> genres,
                            @Nullable String language) {
    }

    /** The owner's edits; null = not overridden (the announced value shows). */
    @Serdeable
    public record Overrides(@Nullable String displayName, @Nullable String description, @Nullable String homepage,
                            @Nullable List<String> genres, @Nullable String language, @Nullable String country,
                            @Nullable String logoUrl) {
    }

    @Serdeable
    public record ModeratorHide(String reason, Instant hiddenAt) {
    }

    /** state: pending | listed | unreachable | ended (then endReason says why: removed, expired, replaced, token revoked, account suspended). */
    @Serdeable
    public record Session(UUID id, String state, @Nullable String stateReason, @Nullable String endReason,
                          String listenUrl, long tokenId, String contentType, @Nullable String codec,
                          @Nullable Integer bitrate, @Nullable Integer samplerate, @Nullable Integer channels,
                          @Nullable String currentSong, int listeners, @Nullable Integer maxListeners,
                          Instant startedAt, @Nullable Instant verifiedAt, Instant lastTouchAt,
                          Instant lastYpRequestAt, @Nullable String lastYpMessage, @Nullable Instant endedAt,
                          @Nullable String language) {
    }
}
