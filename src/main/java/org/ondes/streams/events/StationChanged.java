package org.ondes.streams.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A station's public profile or visibility changed (an owner's edit, a moderator's hide or unhide), not one of its
 * streams: whoever shows the station must read it again. Published after the change is committed. When a change
 * takes a live station off the public lists, or puts it back, each of its listed sessions also gets a
 * {@link StreamWentOffline} (reason {@code hidden}) or a {@link StreamWentLive}.
 */
public record StationChanged(UUID stationId, Instant occurredAt) {
}
