package org.ondes.streams.events;

import java.time.Instant;
import java.util.UUID;

/** A listed session ended: removed by Icecast, expired, replaced by a re-add, or cut off (token revoked). */
public record StreamWentOffline(UUID sessionId, UUID stationId, String reason, Instant occurredAt) implements StreamEvent {
}
