package org.ondes.catalog.live;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of the live feed, as stored in {@code catalog_events} and sent to SSE clients. Before it is stored its
 * {@code id} is 0; the database assigns ids in commit order.
 *
 * @param currentSong for {@link Kind#NOW_PLAYING} only
 * @param listeners   for {@link Kind#NOW_PLAYING} and {@link Kind#LISTENERS}
 * @param reason      for {@link Kind#OFFLINE} only
 */
record LiveEvent(long id, Kind kind, UUID stationId, UUID sessionId, @Nullable String currentSong,
                 @Nullable Integer listeners, @Nullable String reason, Instant at) {

    /** The SSE event types; {@link #wire} is both the {@code event:} field and the stored {@code type}. */
    enum Kind {
        LIVE("live"), OFFLINE("offline"), NOW_PLAYING("nowPlaying"), LISTENERS("listeners");

        final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        static Kind ofWire(String wire) {
            for (Kind k : values()) {
                if (k.wire.equals(wire)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown live event type " + wire);
        }
    }

    LiveEvent withId(long newId) {
        return new LiveEvent(newId, kind, stationId, sessionId, currentSong, listeners, reason, at);
    }
}
