package org.ondes.streams.events;

import java.time.Instant;
import java.util.UUID;

/** A listed session's now-playing title or listener count changed (from a YP touch). */
public record StreamChanged(UUID sessionId, UUID stationId, String currentSong, int listeners, boolean songChanged,
                            Instant occurredAt) implements StreamEvent {
}
