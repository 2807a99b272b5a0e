package org.ondes.catalog.live;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Paces the SSE writes of one event loop. A fan-out only marks the clients that have frames waiting; the pacer sends
 * them on the event loop that owns their connections, {@link #BATCH} clients per turn of the loop. Called there, the
 * server writes each frame to the socket at once, instead of queueing one task per connection on the loop (which is
 * what a write from any other thread costs: 10,000 clients, 10,000 tasks ahead of every YP response). Between two
 * batches the loop reads its sockets and runs what else was queued, so a YP response waits for one batch at most.
 *
 * <p>A turn is Netty's: I/O, then the queued tasks. The next batch is scheduled with a zero delay rather than
 * executed, because Netty moves due scheduled tasks into its queue once per turn, whereas a task executed from a task
 * runs in the same turn, batch after batch with no I/O in between. A client that does not read costs its drain call
 * only (it sends as far as its connection asked and never waits), so it cannot hold up the others. Thread-safe.
 */
final class LoopPacer implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(LoopPacer.class);
    /** Clients sent to per turn: for a small frame, well under a millisecond of the loop. */
    static final int BATCH = 64;

    private final Executor nextTurn;
    private final int batch;
    private final Queue<ClientStream> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    /** A pacer for the connections of this event loop (a Netty event loop is a scheduled executor). */
    static LoopPacer on(ScheduledExecutorService loop) {
        return new LoopPacer(task -> loop.schedule(task, 0, TimeUnit.NANOSECONDS), BATCH);
    }

    /**
     * @param nextTurn runs a task on the event loop's next turn
     * @param batch    clients sent to per turn
     */
    LoopPacer(Executor nextTurn, int batch) {
        this.nextTurn = nextTurn;
        this.batch = Math.max(1, batch);
    }

    /** Has the client send what it has queued on one of the coming turns. Never waits. */
    void wake(ClientStream client) {
        if (client.markWaiting()) {
            waiting.add(client);
        }
        schedule();
    }

    /** Clients marked and not sent to yet. */
    int waiting() {
        return waiting.size();
    }

    /** One turn's batch; the event loop calls it. */
    @Override
    public void run() {
        for (int i = 0; i < batch; i++) {
            ClientStream client = waiting.poll();
            if (client == null) {
                break;
            }
            // cleared first: a frame queued from now on marks the client again, so it is never left unsent
            client.clearWaiting();
            try {
                client.drain();
            } catch (RuntimeException e) {
                LOG.debug("Sending to a live-feed client failed: {}", e.toString());
            }
        }
        scheduled.set(false);
        schedule();
    }

    private void schedule() {
        if (!waiting.isEmpty() && scheduled.compareAndSet(false, true)) {
            try {
                nextTurn.execute(this);
            } catch (RejectedExecutionException e) {
                // the event loop is shutting down, and with it every connection it served
                scheduled.set(false);
            }
        }
    }
}
