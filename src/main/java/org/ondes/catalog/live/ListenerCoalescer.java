package org.ondes.catalog.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Rate-limits {@code listeners} events: at most one per stream (session) per interval on this instance, carrying the
 * latest count. The first change after a quiet interval is due at once; later changes within the interval replace
 * each other and the last one is due when the interval has passed. Bounded: a full table refuses new streams
 * ({@link #offer} returns false) until idle entries are swept by {@link #due}. Thread-safe; callers pass the clock.
 */
final class ListenerCoalescer {
    private static final class Slot {
        long lastEmittedMillis;
        LiveEvent pending;

        Slot(long lastEmittedMillis) {
            this.lastEmittedMillis = lastEmittedMillis;
        }
    }

    private final long intervalMillis;
    private final int maxStreams;
    private final Map<UUID, Slot> slots = new HashMap<>();

    ListenerCoalescer(long intervalMillis, int maxStreams) {
        this.intervalMillis = intervalMillis;
        this.maxStreams = maxStreams;
    }

    /** Records the latest count of the event's session; false when the table is full and the event was not kept. */
    synchronized boolean offer(LiveEvent event, long nowMillis) {
        Slot slot = slots.get(event.sessionId());
        if (slot == null) {
            if (slots.size() >= maxStreams) {
                return false;
            }
            slot = new Slot(nowMillis - intervalMillis);
            slots.put(event.sessionId(), slot);
        }
        slot.pending = event;
        return true;
    }

    /** Takes the events that are due now, and forgets streams that have been quiet for a whole interval. */
    synchronized List<LiveEvent> due(long nowMillis) {
        List<LiveEvent> out = new ArrayList<>();
        for (Iterator<Slot> it = slots.values().iterator(); it.hasNext(); ) {
            Slot slot = it.next();
            if (nowMillis - slot.lastEmittedMillis < intervalMillis) {
                continue;
            }
            if (slot.pending != null) {
                out.add(slot.pending);
                slot.pending = null;
                slot.lastEmittedMillis = nowMillis;
            } else {
                it.remove();
            }
        }
        return out;
    }

    /**
     * Drops a pending count of the session: a {@code nowPlaying} event carries the latest count itself, and an
     * {@code offline} stream has no audience to report.
     */
    synchronized void forget(UUID sessionId) {
        Slot slot = slots.get(sessionId);
        if (slot != null) {
            slot.pending = null;
        }
    }

    synchronized int size() {
        return slots.size();
    }
}
