package org.ondes.catalog;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Recently rendered search responses, so popular searches (the front page, genre chips) cost PostgreSQL one query per
 * catalog change instead of one per request. An entry answers while the catalog version it was computed at is still
 * current, and for at most {@code ttl} after the catalog changed (the freshness the lists already promise with
 * {@code Cache-Control: max-age}); live changes reach browsers over the event stream meanwhile. Concurrent misses of
 * one key compute once (single flight). Memory is bounded by the size of the stored bodies; the least recently used
 * entries go first. Thread-safe.
 */
final class SearchCache {
    /** One rendered response: the body and the catalog version it was computed at. */
    record Entry(byte[] body, CatalogVersion version, String etag, long computedAtNanos) {
        long weight() {
            return body.length + 200L;
        }
    }

    static final long VERSION_READ_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final long ttlNanos;
    private final long maxBytes;
    private final LongSupplier clock;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private final Map<String, CompletableFuture<Entry>> inFlight = new ConcurrentHashMap<>();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private long bytes;
    private volatile CatalogVersion knownVersion;
    private volatile long knownAtNanos;

    SearchCache(long ttlNanos, long maxBytes, LongSupplier clock) {
        this.ttlNanos = ttlNanos;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    boolean enabled() {
        return ttlNanos > 0 && maxBytes > 0;
    }

    /**
     * The stored response for {@code key} if it is still valid at catalog version {@code current}, otherwise the one
     * {@code compute} returns (computed once for all concurrent callers of the same key, then stored).
     */
    Entry get(String key, long current, Supplier<Entry> compute) {
        if (!enabled()) {
            return compute.get();
        }
        Entry e = valid(key, current);
        if (e != null) {
            hits.increment();
            return e;
        }
        CompletableFuture<Entry> mine = new CompletableFuture<>();
        CompletableFuture<Entry> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            hits.increment();
            return await(running);
        }
        misses.increment();
        try {
            Entry fresh = compute.get();
            put(key, fresh);
            mine.complete(fresh);
            return fresh;
        } catch (RuntimeException | Error ex) {
            mine.completeExceptionally(ex);
            throw ex;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    /**
     * The catalog version, read through {@code read} at most every {@link #VERSION_READ_NANOS} while the cache is on
     * (one tiny query per request was a fifth of the cost of a cached search); with the cache off, every call reads.
     */
    CatalogVersion version(Supplier<CatalogVersion> read) {
        if (!enabled()) {
            return read.get();
        }
        long now = clock.getAsLong();
        CatalogVersion v = knownVersion;
        if (v == null || now - knownAtNanos >= VERSION_READ_NANOS) {
            v = read.get();
            knownVersion = v;
            knownAtNanos = now;
        }
        return v;
    }

    /** Forgets {@code key}'s entry, e.g. when a client asked for a fresh answer. */
    synchronized void forget(String key) {
        Entry old = entries.remove(key);
        if (old != null) {
            bytes -= old.weight();
        }
    }

    long hits() {
        return hits.sum();
    }

    long misses() {
        return misses.sum();
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized int size() {
        return entries.size();
    }

    private synchronized Entry valid(String key, long current) {
        Entry e = entries.get(key);
        if (e == null) {
            return null;
        }
        if (e.version().version() == current || clock.getAsLong() - e.computedAtNanos() < ttlNanos) {
            return e;
        }
        entries.remove(key);
        bytes -= e.weight();
        return null;
    }

    private synchronized void put(String key, Entry e) {
        if (e.weight() > maxBytes / 4) {
            return; // one huge page (limit=500) must not flush everything else
        }
        Entry old = entries.put(key, e);
        if (old != null) {
            bytes -= old.weight();
        }
        bytes += e.weight();
        Iterator<Entry> eldest = entries.values().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            bytes -= eldest.next().weight();
            eldest.remove();
        }
    }

    private static Entry await(CompletableFuture<Entry> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    @Factory
    static class Beans {
        @Singleton
        SearchCache searchCache(CatalogSettings settings) {
            return new SearchCache(TimeUnit.SECONDS.toNanos(Math.max(0, settings.searchCacheSeconds())),
                    Math.max(0, settings.searchCacheMb()) * 1024L * 1024L, System::nanoTime);
        }
    }
}
