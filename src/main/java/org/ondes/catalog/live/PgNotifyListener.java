package org.ondes.catalog.live;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Context;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.annotation.PreDestroy;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Brings the events stored by every instance to this instance's {@link EventHub}. One thread keeps a pooled
 * connection that LISTENs on {@code ondes_events}; a notification (or, as a fallback, 2 s without one) makes it read
 * the rows after the newest id it has seen and fan them out. A broken LISTEN connection is dropped and reopened with
 * a growing delay while polling goes on, so delivery degrades to 2 s latency, never stops. Started with the
 * application, so the hub's position is set before the first client connects.
 */
@Context
class PgNotifyListener {
    private static final Logger LOG = LoggerFactory.getLogger(PgNotifyListener.class);
    static final int POLL_MILLIS = 2_000;
    private static final long CHECK_MILLIS = 30_000;
    private static final long MAX_BACKOFF_MILLIS = 30_000;
    private static final int READ_LIMIT = 1_000;

    private final DataSource pool;
    private final LiveEventStore store;
    private final EventHub hub;
    private final Thread thread;
    private final AtomicInteger connects = new AtomicInteger();
    private volatile boolean running = true;
    private volatile int backendPid;
    private Connection listen;
    private PGConnection pg;
    private long lastCheck;
    private long nextConnectAt;
    private long backoff = 1_000;
    private boolean readFailing;

    PgNotifyListener(DataSource dataSource, LiveEventStore store, EventHub hub) {
        this.pool = DelegatingDataSource.unwrapDataSource(dataSource);
        this.store = store;
        this.hub = hub;
        this.thread = new Thread(this::run, "live-events-listen");
        thread.setDaemon(true);
        thread.start();
    }

    /** Backend process id of the LISTEN connection, 0 while there is none (tests terminate it). */
    int backendPid() {
        return backendPid;
    }

    /** How many times a LISTEN connection was opened. */
    int connects() {
        return connects.get();
    }

    private void run() {
        while (running) {
            long now = System.currentTimeMillis();
            if (listen == null && now >= nextConnectAt) {
                connect(now);
            }
            catchUp();
            if (!awaitSignal()) {
                break;
            }
        }
        drop();
    }

    private void connect(long now) {
        try {
            Connection c = pool.getConnection();
            try {
                c.setAutoCommit(true);
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + LiveEventStore.CHANNEL);
                }
                pg = c.unwrap(PGConnection.class);
                listen = c;
            } catch (SQLException | RuntimeException e) {
                evict(c);
                throw e;
            }
            backendPid = pg.getBackendPID();
            lastCheck = now;
            backoff = 1_000;
            if (connects.incrementAndGet() > 1) {
                LOG.info("Live feed: listening on {} again", LiveEventStore.CHANNEL);
            }
        } catch (SQLException | RuntimeException e) {
            nextConnectAt = now + backoff;
            LOG.warn("Live feed: cannot LISTEN ({}); polling every {} ms, next try in {} ms", e.toString(), POLL_MILLIS, backoff);
            backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
        }
    }

    /** Waits for a notification or the poll interval; false when the thread should stop. */
    private boolean awaitSignal() {
        if (listen == null) {
            try {
                Thread.sleep(POLL_MILLIS);
                return running;
            } catch (InterruptedException e) {
                return false;
            }
        }
        try {
            PGNotification[] received = pg.getNotifications(POLL_MILLIS);
            long now = System.currentTimeMillis();
            if ((received == null || received.length == 0) && now - lastCheck >= CHECK_MILLIS) {
                try (Statement st = listen.createStatement()) {
                    st.execute("SELECT 1");
                }
                lastCheck = now;
            }
        } catch (SQLException | RuntimeException e) {
            if (running) {
                LOG.warn("Live feed: LISTEN connection lost ({}); reconnecting", e.toString());
            }
            drop();
            nextConnectAt = System.currentTimeMillis();
        }
        return running;
    }

    /** Reads and fans out every stored event after the hub's position. */
    private void catchUp() {
        try {
            if (hub.position() < 0) {
                hub.startAt(store.maxId());
            }
            List<LiveEvent> rows;
            do {
                rows = store.after(hub.position(), Long.MAX_VALUE, Set.of(), READ_LIMIT);
                hub.publish(rows);
            } while (rows.size() == READ_LIMIT && running);
            if (readFailing) {
                readFailing = false;
                LOG.info("Live feed: reading events again");
            }
        } catch (RuntimeException e) {
            if (!readFailing) {
                readFailing = true;
                LOG.warn("Live feed: cannot read events ({}); retrying every {} ms", e.toString(), POLL_MILLIS);
            }
        }
    }

    private void drop() {
        Connection c = listen;
        listen = null;
        pg = null;
        backendPid = 0;
        if (c != null) {
            evict(c);
        }
    }

    /** Closes the physical connection rather than returning it to the pool still listening. */
    private void evict(Connection c) {
        try {
            if (pool instanceof HikariDataSource hikari) {
                hikari.evictConnection(c);
            } else {
                c.close();
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Live feed: closing the LISTEN connection failed: {}", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        thread.interrupt();
    }
}
