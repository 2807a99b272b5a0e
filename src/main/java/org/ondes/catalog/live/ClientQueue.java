package org.ondes.catalog.live;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The bounded buffer of one SSE client. It never blocks and never grows past its capacity: when a frame does not fit,
 * every pending frame is dropped and replaced by one {@code resync} event (drop-and-resync), whose id is that of the
 * newest dropped event, so a client that reconnects afterwards resumes after what it missed and refetched.
 *
 * <p>While a resumed client's missed events are being read ({@link #ClientQueue(int, boolean) replaying}), live
 * events are held back and queued after the replay; events at or below the highest id already queued are skipped, so
 * nothing is sent twice or out of order. Thread-safe.
 */
final class ClientQueue {
    static final String RESYNC = "resync";

    private final int capacity;
    private final ArrayDeque<SseFrame> frames = new ArrayDeque<>();
    private final ArrayDeque<SseFrame> held = new ArrayDeque<>();
    private boolean replaying;
    private long heldOverflowId;
    private long cursor;
    private long overflows;
    private long dropped;

    ClientQueue(int capacity, boolean replaying) {
        this.capacity = capacity;
        this.replaying = replaying;
    }

    /** Queues a stored event (id &gt; 0); skipped when an event with this id or a later one was queued already. */
    synchronized void offer(SseFrame event) {
        if (event.id() <= cursor) {
            return;
        }
        if (!replaying) {
            push(event);
        } else if (held.size() < capacity) {
            held.add(event);
        } else {
            dropped += held.size() + 1;
            held.clear();
            heldOverflowId = event.id();
        }
    }

    /** Queues a frame that is not a stored event (the hello, an error notice), ignoring the capacity. */
    synchronized void offerControl(SseFrame frame) {
        frames.add(frame);
    }

    /**
     * Ends the replay: queues the replayed frames (stored events in id order, or a resync), marks every id up to
     * {@code coveredUpTo} as delivered, then queues the live events held meanwhile.
     */
    synchronized void finishReplay(List<SseFrame> replay, long coveredUpTo) {
        for (SseFrame f : replay) {
            push(f);
        }
        cursor = Math.max(cursor, coveredUpTo);
        replaying = false;
        if (heldOverflowId > cursor) {
            overflow(heldOverflowId);
        }
        heldOverflowId = 0;
        for (SseFrame f : held) {
            if (f.id() > cursor) {
                push(f);
            }
        }
        held.clear();
    }

    /** Queues a keep-alive comment if nothing else is waiting (a waiting frame keeps the connection busy anyway). */
    synchronized boolean offerKeepAlive(SseFrame comment) {
        if (!frames.isEmpty() || replaying) {
            return false;
        }
        frames.add(comment);
        return true;
    }

    synchronized SseFrame poll() {
        return frames.poll();
    }

    synchronized boolean isEmpty() {
        return frames.isEmpty();
    }

    synchronized int size() {
        return frames.size();
    }

    /** How many times this client was told to resync because it fell behind. */
    synchronized long overflows() {
        return overflows;
    }

    /** Events dropped for this client because it fell behind. */
    synchronized long dropped() {
        return dropped;
    }

    private void push(SseFrame f) {
        if (frames.size() >= capacity) {
            dropped += frames.size() + 1;
            overflow(f.id());
            return;
        }
        frames.add(f);
        cursor = Math.max(cursor, f.id());
    }

    private void overflow(long newestDroppedId) {
        frames.clear();
        overflows++;
        frames.add(resync(newestDroppedId, "This client did not read fast enough and missed events: fetch /api/v1/streams again."));
        cursor = Math.max(cursor, newestDroppedId);
    }

    static SseFrame resync(long id, String reason) {
        return SseFraming.event(id, RESYNC, LiveEventJson.resync(reason));
    }
}
