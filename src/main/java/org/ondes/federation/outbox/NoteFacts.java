package org.ondes.federation.outbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a go-live Note says, as stored: the station as it was when it went live, the listen URL and song of its
 * busiest session then, and when it went on and off air ({@code endedAt} null while it is on).
 */
record NoteFacts(UUID id, UUID stationId, String createId, String stationName, String description, List<String> genres,
                 String logoUrl, String listenUrl, String nowPlaying, Instant publishedAt, Instant endedAt) {
    NoteFacts {
        genres = genres == null ? List.of() : List.copyOf(genres);
    }

    boolean ended() {
        return endedAt != null;
    }
}
