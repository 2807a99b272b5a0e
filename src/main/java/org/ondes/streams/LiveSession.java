package org.ondes.streams;

import io.micronaut.core.annotation.Nullable;

import java.util.UUID;

/**
 * A session that has not ended (pending, listed or unreachable), with what moderation's ban rules look at: the listen
 * URL, the address the add came from, the stream name Icecast announced and the station's owner.
 *
 * @param requesterIp the YP requester's address as recorded with the add (null for sessions from before it was)
 * @param displayName the name the station's owner gave it, shown instead of {@code name}; null when none
 */
public record LiveSession(UUID sessionId, UUID stationId, long ownerId, String listenUrl, @Nullable String requesterIp,
                          String name, @Nullable String displayName) {
}
