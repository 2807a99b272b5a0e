package org.ondes.streams.events;

import java.time.Instant;
import java.util.UUID;

/** A session passed its listen-URL check and is now listed. */
public record StreamWentLive(UUID sessionId, UUID stationId, Instant occurredAt) implements StreamEvent {
}
