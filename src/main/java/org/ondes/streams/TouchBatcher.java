package org.ondes.streams;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.ondes.streams.events.StreamChanged;
import org.ondes.streams.events.StreamEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;

/**
 * Group commit for YP touches: touches queue up while the previous batch is in the database, then go in one
 * statement and one commit. Under light load a batch is a single touch (no added latency); under heavy load the
 * batch grows and throughput follows. Touches never wait on a full queue: they are answered "busy" instead,
 * which Icecast treats as success (no back-off).
 */
@Singleton
class TouchBatcher {
    private static final Logger LOG = LoggerFactory.getLogger(TouchBatcher.class);
    static final int MAX_BATCH = 512;
    private static final int QUEUE_CAPACITY = 20_000;
    private static final int FLUSHERS = 2;

    private record Pending(TouchUpdate update, CompletableFuture<TouchOutcome> future) {
    }

    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final SessionStore store;
    private final ApplicationEventPublisher<StreamEvent> events;
    private final List<Thread> flushers = new ArrayList<>();
    private volatile boolean running = true;

    TouchBatcher(SessionStore store, ApplicationEventPublisher<StreamEvent> events) {
        this.store = store;
        this.events = events;
        for (int i = 0; i < FLUSHERS; i++) {
            Thread t = new Thread(this::run, "yp-touch-" + i);
            t.setDaemon(true);
            t.start();
            flushers.add(t);
        }
    }

    CompletableFuture<TouchOutcome> submit(TouchUpdate update) {
        CompletableFuture<TouchOutcome> future = new CompletableFuture<>();
        if (!running || !queue.offer(new Pending(update, future))) {
            future.complete(new TouchOutcome.Busy("touch queue full"));
        }
        return future;
    }

    private void run() {
        List<Pending> carry = new ArrayList<>();
        while (running) {
            List<Pending> batch = new ArrayList<>(carry);
            carry.clear();
            try {
                if (batch.isEmpty()) {
                    batch.add(queue.take());
                }
                queue.drainTo(batch, MAX_BATCH - batch.size());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            // The same SID twice in one statement would match one row once: defer the duplicate to the next batch.
            Set<String> seen = new HashSet<>();
            List<Pending> unique = new ArrayList<>(batch.size());
            for (Pending p : batch) {
                (seen.add(p.update().sid()) ? unique : carry).add(p);
            }
            flush(unique);
        }
        carry.forEach(p -> p.future().complete(new TouchOutcome.Busy("shutting down")));
    }

    private void flush(List<Pending> batch) {
        List<TouchUpdate> updates = new ArrayList<>(batch.size());
        batch.forEach(p -> updates.add(p.update()));
        List<SessionStore.TouchRow> rows;
        try {
            rows = store.touch(updates, StateMessages.LISTED, StateMessages.PENDING, StateMessages.UNREACHABLE_PREFIX);
        } catch (RuntimeException e) {
            LOG.warn("Touch batch of {} not stored ({}); answering busy so Icecast keeps its listing", batch.size(), e.toString());
            batch.forEach(p -> p.future().complete(new TouchOutcome.Busy("database unavailable")));
            return;
        }
        TouchOutcome[] outcomes = new TouchOutcome[batch.size()];
        Instant now = Instant.now();
        for (SessionStore.TouchRow row : rows) {
            outcomes[row.ord()] = new TouchOutcome.Touched(row.sessionId(), row.state(), row.message());
            if ("listed".equals(row.state()) && (row.songChanged() || row.listenersChanged())) {
                publish(new StreamChanged(row.sessionId(), row.stationId(), row.currentSong(), row.listeners(), row.songChanged(), now));
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).future().complete(outcomes[i] != null ? outcomes[i] : new TouchOutcome.Missed());
        }
    }

    private void publish(StreamEvent event) {
        try {
            events.publishEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("A listener failed on {}", event, e);
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        flushers.forEach(Thread::interrupt);
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(p -> p.future().complete(new TouchOutcome.Busy("shutting down")));
    }
}
