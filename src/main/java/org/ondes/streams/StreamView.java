package org.ondes.streams;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A listed (verified, live) stream as listeners and player apps see it. */
@Serdeable
public record StreamView(UUID id, UUID stationId, String name, List<String> genres, @Nullable String description,
                         @Nullable String homepage, String listenUrl, String contentType, @Nullable String codec,
                         @Nullable Integer bitrate, @Nullable Integer samplerate, @Nullable Integer channels,
                         @Nullable String currentSong, int listeners, @Nullable Integer maxListeners,
                         Instant liveSince, Instant lastTouch) {
}
