package org.ondes.yp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Adds accepted while the database was failing. Refusing them would cost the streamer a 2-hour back-off, so the add
 * is answered with its SID and stored here until the database takes it. Touches for these SIDs are accepted
 * meanwhile. Kept in memory: if this instance dies first, the next touch fails and Icecast re-adds after 20 minutes,
 * which is still better than two hours.
 */
final class DeferredAdds implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeferredAdds.class);
    static final Duration GIVE_UP_AFTER = Duration.ofMinutes(10);
    private static final int MAX_PENDING = 10_000;

    /** Stores one add; returns normally when stored or definitively refused, throws while the database fails. */
    interface Store {
        void store(Entry entry);
    }

    record Entry(String sid, String token, YpRequest.Add add, Requester requester, Instant deferredAt) {
    }

    private final Map<String, Entry> pending = new ConcurrentHashMap<>();
    private final Store store;
    private final ScheduledExecutorService retry = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "yp-deferred-adds");
        t.setDaemon(true);
        return t;
    });

    DeferredAdds(Store store, Duration retryEvery) {
        this.store = store;
        retry.scheduleWithFixedDelay(this::retryAll, retryEvery.toMillis(), retryEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean defer(Entry entry) {
        if (pending.size() >= MAX_PENDING) {
            return false;
        }
        pending.put(entry.sid(), entry);
        return true;
    }

    boolean isPending(String sid) {
        return pending.containsKey(sid);
    }

    void retryAll() {
        for (Entry e : pending.values()) {
            try {
                store.store(e);
                pending.remove(e.sid());
                LOG.info("Deferred add {} stored", e.sid());
            } catch (RuntimeException ex) {
                if (Duration.between(e.deferredAt(), Instant.now()).compareTo(GIVE_UP_AFTER) > 0) {
                    pending.remove(e.sid());
                    LOG.warn("Gave up storing deferred add {} after {}: {}", e.sid(), GIVE_UP_AFTER, ex.toString());
                }
                return; // the database is still failing: try the rest on the next round
            }
        }
    }

    @Override
    public void close() {
        retry.shutdownNow();
    }
}
