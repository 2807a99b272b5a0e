package org.ondes.federation.delivery;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The settler's batching, against a store that records what it is asked to write: outcomes that end close together
 * are written in one transaction, a lone outcome is not held up for long, and stopping writes what is left.
 */
class SettlerTest {
    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);
    private static final int HALF_WINDOW = 16;

    /** Records each batch instead of writing it. */
    private static final class RecordingStore extends DeliveryStore {
        final BlockingQueue<List<Settlement>> batches = new LinkedBlockingQueue<>();

        RecordingStore() {
            super(null);
        }

        @Override
        void settle(List<Settlement> batch, CircuitRule circuit, Instant now) {
            batches.add(List.copyOf(batch));
        }
    }

    private final RecordingStore store = new RecordingStore();
    private final BlockingQueue<Integer> reported = new LinkedBlockingQueue<>();
    private Settler settler;

    private Settler start(long lingerNanos) {
        Clock clock = Clock.systemUTC();
        settler = new Settler(store, event -> { }, clock, new Backoff(clock, () -> 0.5), new CircuitRule(clock),
                reported::add, () -> { }, HALF_WINDOW, lingerNanos);
        settler.start();
        return settler;
    }

    @AfterEach
    void stop() {
        if (settler != null) {
            settler.stop();
        }
    }

    private static DeliveryStore.Due due(long id) {
        return new DeliveryStore.Due(id, "https://ondes.example/a/" + id, "https://peer.example/inbox", "peer.example",
                id, "https://ondes.example/actor", new byte[0], 1, Instant.now(), 0, false);
    }

    @Test
    void outcomesArrivingWhileTheFirstWaitsAreWrittenInOneBatchOnceHalfAWindowHasGathered() throws Exception {
        start(MINUTE);
        settler.add(due(1), new Outcome.Delivered(202));
        Thread.sleep(50); // the first outcome is waiting now
        for (int i = 2; i <= HALF_WINDOW; i++) {
            settler.add(due(i), new Outcome.Delivered(202));
        }

        // written as soon as half a window is there, long before the minute of waiting is over
        List<DeliveryStore.Settlement> batch = store.batches.poll(30, TimeUnit.SECONDS);
        assertNotNull(batch, "the batch was not written once " + HALF_WINDOW + " outcomes had gathered");
        assertEquals(HALF_WINDOW, batch.size());
        assertEquals(1, batch.get(0).due().id());
        assertEquals(HALF_WINDOW, reported.poll(30, TimeUnit.SECONDS));
    }

    @Test
    void aLoneOutcomeIsWrittenWhenTheWaitIsOver() throws Exception {
        start(TimeUnit.MILLISECONDS.toNanos(20));
        settler.add(due(7), new Outcome.Retry(503, "HTTP 503", false, Outcome.Host.DOWN));

        List<DeliveryStore.Settlement> batch = store.batches.poll(30, TimeUnit.SECONDS);
        assertNotNull(batch, "a lone outcome was never written");
        assertEquals(1, batch.size());
        assertNotNull(batch.get(0).next(), "a failed delivery is put back with a time to try again");
        assertNull(store.batches.poll(200, TimeUnit.MILLISECONDS), "nothing else to write");
    }

    @Test
    void stoppingWritesWhatIsWaiting() throws Exception {
        start(MINUTE);
        settler.add(due(1), new Outcome.Delivered(202));
        settler.add(due(2), new Outcome.Gone(410));
        Thread.sleep(50);

        settler.stop();

        List<DeliveryStore.Settlement> batch = store.batches.poll(30, TimeUnit.SECONDS);
        assertNotNull(batch, "outcomes waiting at shutdown were dropped");
        assertEquals(2, batch.size());
    }
}
