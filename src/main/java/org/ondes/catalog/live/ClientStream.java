package org.ondes.catalog.live;

import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One SSE connection as a Reactive Streams publisher of frames. Frames wait in a bounded {@link ClientQueue} and are
 * handed to the subscriber (the HTTP server) only as far as it asks for them, which it does as the socket accepts
 * bytes. So a client that stops reading costs at most its queue, and the thread that fans events out never waits on
 * it. Emission is serialised by a work-in-progress counter; whichever thread drains sends. New frames are sent by
 * {@link #wake()}: on the connection's event loop through its {@link LoopPacer}, or at once by the caller for a stream
 * without one.
 */
final class ClientStream implements Publisher<SseFrame>, Subscription {
    private final ClientQueue queue;
    private final Set<UUID> stations;
    private final Runnable onCancel;
    private final LoopPacer pacer;
    private final AtomicBoolean waiting = new AtomicBoolean();
    private final long openedAtNanos = System.nanoTime();
    private final AtomicLong requested = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    private final AtomicBoolean subscribed = new AtomicBoolean();
    private volatile Subscriber<? super SseFrame> subscriber;
    private volatile boolean cancelled;
    private volatile boolean closing;
    private volatile Throwable badRequest;
    private boolean terminated;

    /**
     * @param stations the station filter, empty for all
     * @param onCancel called once when the subscriber cancels (the connection went away)
     * @param pacer    sends for this stream on its connection's event loop; null to send on the waking thread
     */
    ClientStream(ClientQueue queue, Set<UUID> stations, Runnable onCancel, LoopPacer pacer) {
        this.queue = queue;
        this.stations = Set.copyOf(stations);
        this.onCancel = onCancel;
        this.pacer = pacer;
    }

    ClientStream(ClientQueue queue, Set<UUID> stations, Runnable onCancel) {
        this(queue, stations, onCancel, null);
    }

    ClientQueue queue() {
        return queue;
    }

    boolean wants(UUID stationId) {
        return stations.isEmpty() || stations.contains(stationId);
    }

    boolean isCancelled() {
        return cancelled;
    }

    /** True when nobody subscribed within {@code graceNanos} of opening (the response was never written). */
    boolean abandoned(long nowNanos, long graceNanos) {
        return subscriber == null && nowNanos - openedAtNanos > graceNanos;
    }

    @Override
    public void subscribe(Subscriber<? super SseFrame> s) {
        if (!subscribed.compareAndSet(false, true)) {
            s.onSubscribe(new Subscription() {
                @Override
                public void request(long n) {
                }

                @Override
                public void cancel() {
                }
            });
            s.onError(new IllegalStateException("an SSE client stream has exactly one subscriber"));
            return;
        }
        subscriber = s;
        s.onSubscribe(this);
        drain();
    }

    @Override
    public void request(long n) {
        if (n <= 0) {
            badRequest = new IllegalArgumentException("§3.9: request must be positive, was " + n);
        } else {
            requested.accumulateAndGet(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
        }
        drain();
    }

    @Override
    public void cancel() {
        if (!cancelled) {
            cancelled = true;
            onCancel.run();
        }
    }

    /** Completes the stream once the frames already queued are sent (shutdown). */
    void close() {
        closing = true;
        drain();
    }

    /** True when frames are sent on the connection's event loop (see {@link LoopPacer}). */
    boolean paced() {
        return pacer != null;
    }

    /** Has what was queued sent soon: on the connection's event loop if it is paced, else now on this thread. */
    void wake() {
        if (pacer != null) {
            pacer.wake(this);
        } else {
            drain();
        }
    }

    /** Marks this stream as waiting for its pacer; false if it was marked already. */
    boolean markWaiting() {
        return waiting.compareAndSet(false, true);
    }

    void clearWaiting() {
        waiting.set(false);
    }

    /** Sends what is queued, as far as the subscriber has asked. */
    void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            Subscriber<? super SseFrame> s = subscriber;
            if (s != null && !cancelled && !terminated) {
                emit(s);
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    private void emit(Subscriber<? super SseFrame> s) {
        if (badRequest != null) {
            terminated = true;
            cancel();
            s.onError(badRequest);
            return;
        }
        long r = requested.get();
        long sent = 0;
        while (sent != r && !cancelled) {
            SseFrame f = queue.poll();
            if (f == null) {
                break;
            }
            s.onNext(f);
            sent++;
        }
        if (sent > 0 && r != Long.MAX_VALUE) {
            requested.addAndGet(-sent);
        }
        if (closing && !cancelled && queue.isEmpty()) {
            terminated = true;
            s.onComplete();
        }
    }
}
