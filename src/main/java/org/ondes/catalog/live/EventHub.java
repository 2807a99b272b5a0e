package org.ondes.catalog.live;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.ondes.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The SSE clients of this instance. {@link PgNotifyListener} hands it the stored events in id order; each is encoded
 * once and queued for every client whose filter wants it, without ever waiting on a client. The frames are then sent
 * from each connection's own event loop, a batch of clients per turn ({@link LoopPacer}), so the loops go on serving
 * YP requests during a fan-out to thousands of clients. Opening a client and reading the hub's position happen under
 * the same lock as the fan-out, so a resumed client gets its missed events from the database up to exactly that
 * position and every later one live.
 */
@Singleton
class EventHub {
    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);
    /** A client the server never subscribed to (its response failed before the body) is dropped after this. */
    private static final long ABANDONED_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final long RETRY_MILLIS = 3000;
    /** Longest wait between two chunks of a burst for clients to drain (see {@link #publish}). */
    static final long PACING_MILLIS = 20;

    private final LiveEventsSettings settings;
    private final ResumePolicy resume;
    private final Set<ClientStream> clients = ConcurrentHashMap.newKeySet();
    /** One pacer per event loop (a handful, fixed for the server's life). */
    private final Map<ScheduledExecutorService, LoopPacer> pacers = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private final ScheduledExecutorService keepAlive;
    /** The highest event id fanned out, or -1 before the feed has read its starting point. Guarded by {@link #lock}. */
    private long position = -1;

    EventHub(LiveEventsSettings settings, ResumePolicy resume) {
        this.settings = settings;
        this.resume = resume;
        this.keepAlive = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "live-events-keepalive");
            t.setDaemon(true);
            return t;
        });
        long period = settings.keepalive().toMillis();
        keepAlive.scheduleAtFixedRate(this::keepAlive, period, period, TimeUnit.MILLISECONDS);
    }

    /** Sets where the feed starts (the newest stored id) unless it has started already. */
    void startAt(long id) {
        synchronized (lock) {
            if (position < 0) {
                position = id;
            }
        }
    }

    long position() {
        synchronized (lock) {
            return position;
        }
    }

    int clientCount() {
        return clients.size();
    }

    /** Clients sent to from their connection's event loop: all of them, unless the server is not Netty's. */
    int pacedClientCount() {
        int n = 0;
        for (ClientStream c : clients) {
            if (c.paced()) {
                n++;
            }
        }
        return n;
    }

    /**
     * Opens a client; with {@code lastEventId} (the header or query value as sent, may be malformed) it first gets
     * the events it missed, or a {@code resync}. Does database reads: call from a blocking thread.
     *
     * @param loop the event loop of the client's connection, which then sends its frames; null to send them from the
     *             fan-out's thread
     */
    ClientStream open(Set<UUID> stations, String lastEventId, ScheduledExecutorService loop) {
        if (clients.size() >= settings.maxClients()) {
            // each client holds a socket, a buffer and a file descriptor: refuse rather than run out of them
            throw ProblemException.busy("this instance serves its maximum of live-feed clients; retry in a minute");
        }
        boolean resuming = lastEventId != null;
        ClientQueue queue = new ClientQueue(settings.effectiveClientBuffer(), resuming);
        queue.offerControl(SseFraming.hello(RETRY_MILLIS));
        ClientStream[] self = new ClientStream[1];
        LoopPacer pacer = loop == null ? null : pacers.computeIfAbsent(loop, LoopPacer::on);
        ClientStream client = new ClientStream(queue, stations, () -> clients.remove(self[0]), pacer);
        self[0] = client;
        long at;
        synchronized (lock) {
            clients.add(client);
            at = position;
        }
        if (resuming) {
            ResumePolicy.Replay replay = resume.replay(lastEventId, at, stations, settings.effectiveClientBuffer());
            queue.finishReplay(replay.frames(), replay.coveredUpTo());
        }
        return client;
    }

    /**
     * Fans stored events (ascending ids, all above the current position) out to the clients, in chunks of a quarter
     * of a client buffer. Between chunks it gives the clients' connections up to {@link #PACING_MILLIS} to bring their
     * queues below half full, so a burst larger than a buffer (a mass expiry, a backlog after a database outage)
     * reaches clients that read, while one that does not read costs that short wait per chunk and is resynced.
     */
    void publish(List<LiveEvent> events) {
        int chunk = Math.max(1, settings.effectiveClientBuffer() / 4);
        for (int from = 0; from < events.size(); from += chunk) {
            if (from > 0) {
                awaitRoom(PACING_MILLIS);
            }
            fanOut(events.subList(from, Math.min(events.size(), from + chunk)));
        }
    }

    private void fanOut(List<LiveEvent> events) {
        List<SseFrame> frames = new ArrayList<>(events.size());
        for (LiveEvent e : events) {
            frames.add(SseFraming.event(e.id(), e.kind().wire, LiveEventJson.data(e)));
        }
        synchronized (lock) {
            for (ClientStream c : clients) {
                for (int i = 0; i < frames.size(); i++) {
                    if (c.wants(events.get(i).stationId())) {
                        c.queue().offer(frames.get(i));
                    }
                }
            }
            position = Math.max(position, events.get(events.size() - 1).id());
        }
        clients.forEach(ClientStream::wake);
    }

    /** Waits (bounded) until no client queue is more than half full. */
    private void awaitRoom(long maxMillis) {
        int half = settings.effectiveClientBuffer() / 2;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        while (System.nanoTime() < deadline) {
            boolean crowded = false;
            for (ClientStream c : clients) {
                if (c.queue().size() > half) {
                    crowded = true;
                    break;
                }
            }
            if (!crowded) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    void keepAlive() {
        try {
            SseFrame comment = SseFraming.comment("keep-alive");
            long now = System.nanoTime();
            for (ClientStream c : clients) {
                if (c.abandoned(now, ABANDONED_NANOS)) {
                    clients.remove(c);
                } else if (c.queue().offerKeepAlive(comment)) {
                    c.wake();
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Keep-alive pass failed: {}", e.toString());
        }
    }

    @PreDestroy
    void close() {
        keepAlive.shutdownNow();
        clients.forEach(ClientStream::close);
        clients.clear();
    }
}
