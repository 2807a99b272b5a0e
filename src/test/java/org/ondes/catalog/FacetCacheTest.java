package org.ondes.catalog;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Facet counts: reused until they expire, then recomputed once while everybody else gets the previous counts. */
class FacetCacheTest {
    private final AtomicLong now = new AtomicLong();

    private static List<CatalogFacet> counts(int n) {
        return List.of(new CatalogFacet("rock", n));
    }

    @Test
    void countsAreReusedUntilTheyExpire() {
        AtomicInteger computed = new AtomicInteger();
        FacetCache cache = new FacetCache(Duration.ofSeconds(5), now::get, f -> counts(computed.incrementAndGet()));
        assertEquals(counts(1), cache.get("genres"));
        now.addAndGet(Duration.ofSeconds(4).toNanos());
        assertEquals(counts(1), cache.get("genres"));
        assertEquals(1, computed.get());
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertEquals(counts(2), cache.get("genres"));
        assertEquals(counts(3), cache.get("codecs"), "each facet has its own counts");
    }

    @Test
    void afterExpiryOneRequestRecomputesWhileTheOthersGetThePreviousCountsAtOnce() throws Exception {
        AtomicInteger computed = new AtomicInteger();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        FacetCache cache = new FacetCache(Duration.ofSeconds(5), now::get, f -> {
            int n = computed.incrementAndGet();
            if (n == 2) {
                inside.countDown();
                try {
                    finish.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return counts(n);
        });
        cache.get("genres");
        now.addAndGet(Duration.ofSeconds(6).toNanos());
        CompletableFuture<List<CatalogFacet>> recompute = CompletableFuture.supplyAsync(() -> cache.get("genres"));
        assertTrue(inside.await(5, TimeUnit.SECONDS));
        for (int i = 0; i < 20; i++) {
            assertEquals(counts(1), cache.get("genres"), "the previous counts, without waiting");
        }
        finish.countDown();
        assertEquals(counts(2), recompute.get(5, TimeUnit.SECONDS));
        assertEquals(counts(2), cache.get("genres"));
        assertEquals(2, computed.get(), "one recomputation for 21 requests");
    }

    @Test
    void theVeryFirstRequestsWaitForOneComputation() throws Exception {
        AtomicInteger computed = new AtomicInteger();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        FacetCache cache = new FacetCache(Duration.ofSeconds(5), now::get, f -> {
            inside.countDown();
            try {
                finish.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return counts(computed.incrementAndGet());
        });
        CompletableFuture<List<CatalogFacet>> first = CompletableFuture.supplyAsync(() -> cache.get("genres"));
        assertTrue(inside.await(5, TimeUnit.SECONDS));
        CompletableFuture<List<CatalogFacet>> second = CompletableFuture.supplyAsync(() -> cache.get("genres"));
        Thread.sleep(100);
        assertEquals(false, second.isDone(), "nothing to serve yet: it waits");
        finish.countDown();
        assertEquals(counts(1), first.get(5, TimeUnit.SECONDS));
        assertEquals(counts(1), second.get(5, TimeUnit.SECONDS));
        assertEquals(1, computed.get());
    }
}
