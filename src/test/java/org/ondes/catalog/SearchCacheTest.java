package org.ondes.catalog;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchCacheTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private final AtomicLong now = new AtomicLong(1_000 * SECOND);
    private final AtomicInteger computed = new AtomicInteger();

    private SearchCache.Entry entry(long version, int size) {
        computed.incrementAndGet();
        return new SearchCache.Entry(new byte[size], new CatalogVersion(version, Instant.EPOCH), "W/\"" + version + "\"", now.get());
    }

    @Test
    void anUnchangedCatalogKeepsServingTheSamePageAndAChangedOneOnlyForTheTtl() {
        SearchCache cache = new SearchCache(2 * SECOND, 1 << 20, now::get);
        SearchCache.Entry first = cache.get("q=jazz", 7, () -> entry(7, 100));
        now.addAndGet(3_600 * SECOND);
        assertSame(first, cache.get("q=jazz", 7, () -> entry(7, 100)), "same catalog version: still valid an hour later");
        assertEquals(1, computed.get());

        SearchCache.Entry second = cache.get("q=jazz", 8, () -> entry(8, 100));
        assertEquals(8, second.version().version(), "the catalog changed and the entry was older than the TTL");
        now.addAndGet(SECOND);
        assertSame(second, cache.get("q=jazz", 9, () -> entry(9, 100)), "changed again, but the entry is 1 s old");
        now.addAndGet(SECOND + 1);
        assertEquals(9, cache.get("q=jazz", 9, () -> entry(9, 100)).version().version(), "2 s old: recomputed");
        assertEquals(3, computed.get());
        assertEquals(2, cache.misses() - 1, "three misses in all");
    }

    @Test
    void concurrentMissesOfOneKeyComputeOnce() throws Exception {
        SearchCache cache = new SearchCache(2 * SECOND, 1 << 20, now::get);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<SearchCache.Entry>> results = new ArrayList<>();
            results.add(pool.submit(() -> cache.get("k", 1, () -> {
                inside.countDown();
                await(release);
                return entry(1, 10);
            })));
            assertTrue(inside.await(5, TimeUnit.SECONDS));
            for (int i = 0; i < 15; i++) {
                results.add(pool.submit(() -> cache.get("k", 1, () -> entry(1, 10))));
            }
            Thread.sleep(50); // let the followers reach the in-flight computation
            release.countDown();
            SearchCache.Entry leader = results.get(0).get(5, TimeUnit.SECONDS);
            for (Future<SearchCache.Entry> f : results) {
                assertSame(leader, f.get(5, TimeUnit.SECONDS));
            }
            assertEquals(1, computed.get(), "one database query for sixteen identical requests");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailureReachesEveryWaiterAndIsNotStored() {
        SearchCache cache = new SearchCache(2 * SECOND, 1 << 20, now::get);
        IllegalStateException boom = new IllegalStateException("database busy");
        assertSame(boom, assertThrows(IllegalStateException.class, () -> cache.get("k", 1, () -> {
            throw boom;
        })));
        assertEquals(1, cache.get("k", 1, () -> entry(1, 10)).version().version());
        assertEquals(1, computed.get());
    }

    @Test
    void memoryIsBoundedLeastRecentlyUsedFirstAndHugePagesAreNotKept() {
        SearchCache cache = new SearchCache(2 * SECOND, 10_000, now::get);
        cache.get("a", 1, () -> entry(1, 2_000));
        cache.get("b", 1, () -> entry(1, 2_000));
        cache.get("c", 1, () -> entry(1, 2_000));
        cache.get("e", 1, () -> entry(1, 2_000));
        cache.get("a", 1, () -> entry(1, 2_000)); // a is now the most recently used
        cache.get("d", 1, () -> entry(1, 2_000)); // five pages do not fit in 10,000 bytes
        assertTrue(cache.bytes() <= 10_000, "bytes " + cache.bytes());
        assertEquals(5, computed.get());
        cache.get("a", 1, () -> entry(1, 2_000));
        assertEquals(5, computed.get(), "a was kept");
        cache.get("b", 1, () -> entry(1, 2_000));
        assertEquals(6, computed.get(), "b, the least recently used, was evicted");
        cache.get("huge", 1, () -> entry(1, 5_000));
        cache.get("huge", 1, () -> entry(1, 5_000));
        assertEquals(8, computed.get(), "a page over a quarter of the budget is served but not kept");
    }

    @Test
    void forgettingAKeyRecomputesItAndZeroTtlTurnsTheCacheOff() {
        SearchCache cache = new SearchCache(2 * SECOND, 1 << 20, now::get);
        cache.get("k", 1, () -> entry(1, 10));
        cache.forget("k");
        cache.get("k", 1, () -> entry(1, 10));
        assertEquals(2, computed.get());
        SearchCache off = new SearchCache(0, 1 << 20, now::get);
        off.get("k", 1, () -> entry(1, 10));
        off.get("k", 1, () -> entry(1, 10));
        assertEquals(4, computed.get());
        assertEquals(0, off.size());
    }

    @Test
    void theCatalogVersionIsReadAtMostEveryHundredMillisecondsWhileTheCacheIsOn() {
        SearchCache cache = new SearchCache(2 * SECOND, 1 << 20, now::get);
        AtomicInteger reads = new AtomicInteger();
        java.util.function.Supplier<CatalogVersion> read = () -> new CatalogVersion(reads.incrementAndGet(), Instant.EPOCH);
        assertEquals(1, cache.version(read).version());
        now.addAndGet(SearchCache.VERSION_READ_NANOS - 1);
        assertEquals(1, cache.version(read).version());
        now.addAndGet(1);
        assertEquals(2, cache.version(read).version());
        SearchCache off = new SearchCache(0, 1 << 20, now::get);
        assertEquals(3, off.version(read).version());
        assertEquals(4, off.version(read).version(), "with the cache off every request reads the version");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
