package org.ondes.catalog.live;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Decides what a reconnecting client gets for its {@code Last-Event-ID}: the stored events after it, up to the hub's
 * position, when that id is known and still inside the replay window and the gap fits the client's buffer; otherwise a
 * single {@code resync} event that tells it to fetch {@code /api/v1/streams} again.
 */
@Singleton
class ResumePolicy {
    private static final Logger LOG = LoggerFactory.getLogger(ResumePolicy.class);
    private static final String REFETCH = " Fetch /api/v1/streams again.";

    /**
     * @param frames      what to send first: the missed events in id order, or one resync event
     * @param coveredUpTo every event id up to this one is accounted for (live events at or below it are skipped)
     */
    record Replay(List<SseFrame> frames, long coveredUpTo) {
    }

    private final LiveEventStore store;
    private final LiveEventsSettings settings;

    ResumePolicy(LiveEventStore store, LiveEventsSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    /**
     * @param lastEventId as the client sent it
     * @param position    the hub's position when the client was registered (-1: the feed has not started)
     * @param buffer      the client's buffer size; at most half of it is filled with replayed events
     */
    Replay replay(String lastEventId, long position, Set<UUID> stations, int buffer) {
        long id;
        try {
            id = Long.parseLong(lastEventId.trim());
        } catch (NumberFormatException e) {
            id = -1;
        }
        if (id <= 0) {
            return resync(position, "Last-Event-ID is not an event id of this directory.");
        }
        if (position < 0) {
            return resync(position, "The live feed is starting.");
        }
        try {
            if (!store.isRecent(id, settings.retention())) {
                return resync(position, "Event " + id + " is unknown or older than the replay window ("
                        + settings.retention().toSeconds() + " s).");
            }
            int replayable = Math.max(1, buffer / 2);
            List<LiveEvent> missed = store.after(id, position, stations, replayable + 1);
            if (missed.size() > replayable) {
                return resync(position, "More than " + replayable + " events were missed since event " + id + ".");
            }
            List<SseFrame> frames = new ArrayList<>(missed.size());
            for (LiveEvent e : missed) {
                frames.add(SseFraming.event(e.id(), e.kind().wire, LiveEventJson.data(e)));
            }
            return new Replay(frames, Math.max(id, position));
        } catch (RuntimeException e) {
            LOG.warn("Could not read missed live events after {}: {}", id, e.toString());
            return resync(position, "Missed events could not be read.");
        }
    }

    private static Replay resync(long position, String reason) {
        long id = Math.max(0, position);
        return new Replay(List.of(ClientQueue.resync(id, reason + REFETCH)), id);
    }
}
