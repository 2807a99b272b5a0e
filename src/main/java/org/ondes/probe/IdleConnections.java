package org.ondes.probe;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Connections of a keep-alive {@link GuardedHttpClient} between two requests. A connection is kept under the
 * origin it was opened for (scheme, host name as written, port) and handed out again only for that origin, newest
 * first, while it has been idle for less than the keep-alive time (servers close idle connections after 5 s to a
 * few minutes; a shorter limit here means fewer that the server has closed in the meantime). At most a few per
 * origin and a bounded number in all are kept; the oldest go first. Thread-safe; sockets are closed outside the
 * lock.
 */
final class IdleConnections implements AutoCloseable {

    /** Where a connection leads: it is reused only for requests to exactly this. */
    record Origin(boolean https, String host, int port) {
    }

    /** An open connection, with the buffers that belong to it. */
    static final class Connection {
        final Socket socket;
        final BufferedInputStream in;
        final BufferedOutputStream out;
        private long idleSince;

        Connection(Socket socket, BufferedInputStream in, BufferedOutputStream out) {
            this.socket = socket;
            this.in = in;
            this.out = out;
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing an idle connection; nothing depends on it
            }
        }
    }

    private final long keepNanos;
    private final int perOrigin;
    private final int total;
    private final Map<Origin, ArrayDeque<Connection>> idle = new HashMap<>();
    private int count;
    private boolean closed;

    /**
     * Keeps connections idle for less than {@code keep}; at most {@code perOrigin} per origin and {@code total} in all.
     */
    IdleConnections(Duration keep, int perOrigin, int total) {
        if (keep.isNegative() || keep.isZero() || perOrigin < 1 || total < perOrigin) {
            throw new IllegalArgumentException("keep-alive time and limits must be positive");
        }
        this.keepNanos = keep.toNanos();
        this.perOrigin = perOrigin;
        this.total = total;
    }

    /** The most recently used connection to {@code origin} that may still be open; null when there is none. */
    Connection take(Origin origin, long now) {
        List<Connection> expired = new ArrayList<>();
        Connection found = null;
        synchronized (this) {
            ArrayDeque<Connection> conns = idle.get(origin);
            while (conns != null && !conns.isEmpty() && found == null) {
                Connection c = conns.pollLast();
                count--;
                if (now - c.idleSince < keepNanos) {
                    found = c;
                } else {
                    expired.add(c);
                }
            }
            if (conns != null && conns.isEmpty()) {
                idle.remove(origin);
            }
        }
        expired.forEach(Connection::close);
        return found;
    }

    /** Keeps {@code c} for the next request to {@code origin}, closing whatever no longer fits. */
    void give(Origin origin, Connection c, long now) {
        List<Connection> dropped = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                dropped.add(c);
            } else {
                c.idleSince = now;
                ArrayDeque<Connection> conns = idle.computeIfAbsent(origin, o -> new ArrayDeque<>());
                conns.addLast(c);
                count++;
                if (conns.size() > perOrigin) {
                    dropped.add(conns.pollFirst());
                    count--;
                }
                while (count > total) {
                    dropped.add(pollOldest(now));
                }
                dropExpired(now, dropped);
            }
        }
        dropped.forEach(Connection::close);
    }

    /** How many connections are kept now. */
    synchronized int size() {
        return count;
    }

    @Override
    public void close() {
        List<Connection> all = new ArrayList<>();
        synchronized (this) {
            closed = true;
            idle.values().forEach(all::addAll);
            idle.clear();
            count = 0;
        }
        all.forEach(Connection::close);
    }

    private Connection pollOldest(long now) {
        Origin oldest = null;
        long age = Long.MIN_VALUE;
        for (Map.Entry<Origin, ArrayDeque<Connection>> e : idle.entrySet()) {
            long a = now - e.getValue().peekFirst().idleSince;
            if (a > age) {
                age = a;
                oldest = e.getKey();
            }
        }
        ArrayDeque<Connection> conns = idle.get(oldest);
        Connection c = conns.pollFirst();
        if (conns.isEmpty()) {
            idle.remove(oldest);
        }
        count--;
        return c;
    }

    /** Connections past the keep-alive time, oldest first in each origin, go whenever something is given back. */
    private void dropExpired(long now, List<Connection> dropped) {
        Iterator<ArrayDeque<Connection>> origins = idle.values().iterator();
        while (origins.hasNext()) {
            ArrayDeque<Connection> conns = origins.next();
            while (!conns.isEmpty() && now - conns.peekFirst().idleSince >= keepNanos) {
                dropped.add(conns.pollFirst());
                count--;
            }
            if (conns.isEmpty()) {
                origins.remove();
            }
        }
    }
}
