package org.ondes.streams;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.ondes.streams.events.StreamChanged;
import org.ondes.streams.events.StreamEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
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
 * which Icecast treats as success (no back-off). Each flusher keeps one pooled connection for itself (with the
 * session settings of {@link TouchStatement#prepare}), so a batch costs one round trip.
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
    private final DataSource pool;
    private final ApplicationEventPublisher<StreamEvent> events;
    private final List<Thread> flushers = new ArrayList<>();
    private volatile boolean running = true;

    TouchBatcher(DataSource dataSource, ApplicationEventPublisher<StreamEvent> events) {
        this.pool = DelegatingDataSource.unwrapDataSource(dataSource);
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
        Connection[] connection = new Connection[1];
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
            flush(unique, connection);
        }
        release(connection);
        carry.forEach(p -> p.future().complete(new TouchOutcome.Busy("shutting down")));
    }

    private void flush(List<Pending> batch, Connection[] connection) {
        List<TouchUpdate> updates = new ArrayList<>(batch.size());
        batch.forEach(p -> updates.add(p.update()));
        List<TouchStatement.Row> rows;
        try {
            if (connection[0] == null) {
                connection[0] = pool.getConnection();
                TouchStatement.prepare(connection[0]);
            }
            rows = TouchStatement.run(connection[0], updates);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Touch batch of {} not stored ({}); answering busy so Icecast keeps its listing", batch.size(), e.toString());
            release(connection);
            batch.forEach(p -> p.future().complete(new TouchOutcome.Busy("database unavailable")));
            return;
        }
        TouchOutcome[] outcomes = new TouchOutcome[batch.size()];
        Instant now = Instant.now();
        for (TouchStatement.Row row : rows) {
            outcomes[row.ord()] = new TouchOutcome.Touched(row.sessionId(), row.state(), row.message());
            if ("listed".equals(row.state()) && !row.hidden() && (row.songChanged() || row.listenersChanged())) {
                publish(new StreamChanged(row.sessionId(), row.stationId(), row.currentSong(), row.listeners(), row.songChanged(), now));
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).future().complete(outcomes[i] != null ? outcomes[i] : new TouchOutcome.Missed());
        }
    }

    /** Returns the connection to the pool without the touch-only session settings (or drops a broken one). */
    private static void release(Connection[] connection) {
        Connection c = connection[0];
        connection[0] = null;
        if (c == null) {
            return;
        }
        try (c) {
            try (var st = c.createStatement()) {
                st.execute("RESET ALL");
            }
        } catch (SQLException e) {
            LOG.debug("Touch connection dropped: {}", e.toString());
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
