package org.ondes.streams;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A station's public profile, live or not: the owner's edits where set, otherwise what its Icecast last announced
 * (language: of its most recent session). Hidden stations have none. {@code handle} is its fediverse name
 * ({@link StationHandles}); a remote station (another instance's) has none, but an {@code origin} (host[:port]) and
 * {@code originUrl} (its page there), which are null for this instance's stations.
 */
public record StationProfile(UUID id, String name, String description, String homepage, List<String> genres,
                             String language, String country, String logoUrl, Instant createdAt, Instant updatedAt,
                             String handle, String origin, String originUrl) {
}
