package org.ondes.catalog;

import org.junit.jupiter.api.Test;
import org.ondes.web.ProblemException;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** At most N searches at once; the next waits for a turn, and gets a 503 when none frees up in time. */
class SearchTurnsTest {

    private static CompletableFuture<String> hold(SearchTurns turns, CountDownLatch started, CountDownLatch release) {
        return CompletableFuture.supplyAsync(() -> turns.run(() -> {
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "held";
        }));
    }

    @Test
    void whenEveryTurnIsTakenTheNextSearchIsRefusedAsBusyAfterItsPatience() throws Exception {
        SearchTurns turns = new SearchTurns(2, Duration.ofMillis(300));
        CountDownLatch started = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> a = hold(turns, started, release);
        CompletableFuture<String> b = hold(turns, started, release);
        assertTrue(started.await(5, TimeUnit.SECONDS));
        long t0 = System.nanoTime();
        ProblemException refused = assertThrows(ProblemException.class, () -> turns.run(() -> "third"));
        assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(290), "it waited for a turn first");
        assertEquals(503, refused.status().getCode());
        release.countDown();
        assertEquals("held", a.get(5, TimeUnit.SECONDS));
        assertEquals("held", b.get(5, TimeUnit.SECONDS));
        assertEquals("after", turns.run(() -> "after"), "turns are given back");
    }

    @Test
    void aSearchWaitingForATurnRunsAsSoonAsOneFreesUp() throws Exception {
        SearchTurns turns = new SearchTurns(1, Duration.ofSeconds(5));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = hold(turns, started, release);
        assertTrue(started.await(5, TimeUnit.SECONDS));
        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> turns.run(() -> "second"));
        Thread.sleep(100);
        assertEquals(false, waiting.isDone(), "no turn yet");
        release.countDown();
        assertEquals("second", waiting.get(5, TimeUnit.SECONDS));
        assertEquals("held", first.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aFailingSearchGivesItsTurnBack() {
        SearchTurns turns = new SearchTurns(1, Duration.ofMillis(100));
        assertThrows(IllegalStateException.class, () -> turns.run(() -> {
            throw new IllegalStateException("boom");
        }));
        assertEquals("ok", turns.run(() -> "ok"));
    }
}
