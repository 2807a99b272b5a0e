package org.ondes.probe;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * At most {@code perHost} outbound checks to one host at a time, so that a hundred sessions announcing listen URLs on
 * one server (or on somebody else's server, to use the directory as a load generator) cost that server a few
 * connections, not a hundred. A check that finds its host busy (after waiting up to {@code wait}, zero in production)
 * is deferred rather than failed.
 */
final class HostPermits {
    private final int perHost;
    private final long waitNanos;
    private final ConcurrentHashMap<String, Semaphore> hosts = new ConcurrentHashMap<>();

    HostPermits(int perHost, Duration wait) {
        this.perHost = Math.max(1, perHost);
        this.waitNanos = wait.toNanos();
    }

    /** Takes a permit for {@code host} (case-insensitive), waiting up to the configured time; false if none came. */
    boolean acquire(String host) {
        Semaphore s = hosts.computeIfAbsent(key(host), k -> new Semaphore(perHost));
        try {
            return s.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void release(String host) {
        String key = key(host);
        Semaphore s = hosts.get(key);
        if (s != null) {
            s.release();
            if (s.availablePermits() == perHost) {
                hosts.remove(key, s); // idle host: forget it (a racing acquire then makes a fresh one)
            }
        }
    }

    private static String key(String host) {
        return host == null ? "" : host.toLowerCase(Locale.ROOT);
    }
}
