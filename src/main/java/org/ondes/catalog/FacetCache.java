package org.ondes.catalog;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Facet counts per facet name, recomputed at most every {@code ttl}, one recomputation at a time per facet: while it
 * runs, other requests get the previous counts (a few seconds old at most); only the very first request waits.
 * Without this every request arriving after expiry recomputed (measured: p99 2.3 s and 503s under load).
 */
final class FacetCache {
    private record Cached(long expiresAtNanos, List<CatalogFacet> facets) {
    }

    private final long ttlNanos;
    private final LongSupplier clock;
    private final Function<String, List<CatalogFacet>> compute;
    private final Map<String, Cached> facets = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    FacetCache(Duration ttl, LongSupplier clock, Function<String, List<CatalogFacet>> compute) {
        this.ttlNanos = ttl.toNanos();
        this.clock = clock;
        this.compute = compute;
    }

    List<CatalogFacet> get(String facet) {
        Cached c = facets.get(facet);
        if (c != null && clock.getAsLong() - c.expiresAtNanos() < 0) {
            return c.facets();
        }
        ReentrantLock lock = locks.computeIfAbsent(facet, k -> new ReentrantLock());
        if (c == null) {
            lock.lock();
        } else if (!lock.tryLock()) {
            return c.facets(); // someone is recomputing: serve the previous counts meanwhile
        }
        try {
            Cached again = facets.get(facet);
            if (again != null && again != c) {
                return again.facets();
            }
            List<CatalogFacet> fresh = compute.apply(facet);
            facets.put(facet, new Cached(clock.getAsLong() + ttlNanos, fresh));
            return fresh;
        } finally {
            lock.unlock();
        }
    }
}
