package org.ondes.streams.events;

import java.time.Instant;
import java.util.UUID;

/**
 * What happened to a live stream. Published in-process after the change is committed; the catalog's live feed and
 * federation subscribe to these instead of reaching into the streams tables.
 */
public sealed interface StreamEvent permits StreamWentLive, StreamChanged, StreamWentOffline {
    UUID sessionId();

    UUID stationId();

    Instant occurredAt();
}
