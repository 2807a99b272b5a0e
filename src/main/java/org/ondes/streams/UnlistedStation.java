package org.ondes.streams;

import io.micronaut.core.annotation.Nullable;

/**
 * A station its owner made unlisted: in no list, search or feed, but reachable by its direct link (its page, its
 * playlists, {@code GET /api/v1/stations/{id}}).
 *
 * @param live its listed sessions while it is on air, else null
 */
public record UnlistedStation(StationProfile profile, @Nullable LiveStation live) {
}
