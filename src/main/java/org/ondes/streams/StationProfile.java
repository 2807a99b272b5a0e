package org.ondes.streams;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A station's public profile, live or not (what its Icecast last announced). */
public record StationProfile(UUID id, String name, String description, String homepage, List<String> genres,
                             Instant createdAt, Instant updatedAt) {
}
