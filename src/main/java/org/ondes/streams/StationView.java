package org.ondes.streams;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A station as its owner sees it: every session, including the ones that are not listed, with the reason and the
 * last YP exchange, so a streamer can tell why a stream is or is not in the catalog.
 */
@Serdeable
public record StationView(UUID id, String name, @Nullable String description, @Nullable String homepage,
                          List<String> genres, Instant createdAt, Instant updatedAt,
                          @Nullable Instant lastYpRequestAt, @Nullable String lastYpMessage, List<Session> sessions) {

    /** state: pending | listed | unreachable | ended (then endReason says why: removed, expired, replaced, token revoked). */
    @Serdeable
    public record Session(UUID id, String state, @Nullable String stateReason, @Nullable String endReason,
                          String listenUrl, long tokenId, String contentType, @Nullable String codec,
                          @Nullable Integer bitrate, @Nullable Integer samplerate, @Nullable Integer channels,
                          @Nullable String currentSong, int listeners, @Nullable Integer maxListeners,
                          Instant startedAt, @Nullable Instant verifiedAt, Instant lastTouchAt,
                          Instant lastYpRequestAt, @Nullable String lastYpMessage, @Nullable Instant endedAt) {
    }
}
