package org.ondes.catalog.live;

import org.junit.jupiter.api.Test;
import org.ondes.testkit.Await;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Paced sending on an event loop: one batch of clients per turn, other work in between, nobody held up by a stuck client. */
class LoopPacerTest {

    /**
     * A single-threaded event loop driven by hand, turn by turn, like Netty's: a turn first moves what was scheduled
     * for it into the task queue, then runs the queue, including tasks added meanwhile (but not tasks scheduled
     * meanwhile, which wait for the next turn).
     */
    static final class FakeLoop implements Executor {
        final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
        final List<Runnable> scheduled = new ArrayList<>();

        /** Queues a task for this turn, as a YP response written from another thread is queued. */
        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void scheduleNextTurn(Runnable task) {
            scheduled.add(task);
        }

        /** Runs one turn; false when there was nothing to do. */
        boolean turn() {
            tasks.addAll(scheduled);
            scheduled.clear();
            boolean worked = !tasks.isEmpty();
            while (!tasks.isEmpty()) {
                tasks.poll().run();
            }
            return worked;
        }
    }

    /** A connection that writes each frame at once and asks for the next one, unless it is stuck. */
    static class Connection implements Subscriber<SseFrame> {
        final String name;
        final List<String> log;
        final List<Long> ids = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();
        final Executor writesCompleteOn;
        boolean stuck;
        Subscription subscription;

        /**
         * @param log              shared record of what happened, in order
         * @param writesCompleteOn where the "write" completes and the next frame is asked for (the event loop)
         */
        Connection(String name, List<String> log, Executor writesCompleteOn) {
            this.name = name;
            this.log = log;
            this.writesCompleteOn = writesCompleteOn;
        }

        @Override
        public void onSubscribe(Subscription s) {
            subscription = s;
            if (!stuck) {
                s.request(1);
            }
        }

        @Override
        public void onNext(SseFrame f) {
            ids.add(f.id());
            threads.add(Thread.currentThread().getName());
            log.add(name + ":" + f.id());
            if (!stuck) {
                writesCompleteOn.execute(() -> subscription.request(1));
            }
        }

        @Override
        public void onError(Throwable t) {
        }

        @Override
        public void onComplete() {
        }
    }

    private static SseFrame ev(long id) {
        return SseFraming.event(id, "nowPlaying", "{}");
    }

    private static ClientStream stream(LoopPacer pacer, int capacity) {
        return new ClientStream(new ClientQueue(capacity, false), Set.of(), () -> { }, pacer);
    }

    /** Queues the frame for every client and wakes it, as the hub's fan-out does. */
    private static void fanOut(List<ClientStream> clients, long id) {
        for (ClientStream c : clients) {
            c.queue().offer(ev(id));
            c.wake();
        }
    }

    @Test
    void eachTurnSendsToOneBatchAndAResponseQueuedMeanwhileWaitsForAtMostOneBatch() {
        FakeLoop loop = new FakeLoop();
        LoopPacer pacer = new LoopPacer(loop::scheduleNextTurn, 4);
        List<String> log = new ArrayList<>();
        List<ClientStream> clients = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ClientStream c = stream(pacer, 8);
            c.subscribe(new Connection("c" + i, log, loop));
            clients.add(c);
        }

        fanOut(clients, 1);
        assertTrue(log.isEmpty(), "the fan-out thread sends nothing itself: " + log);
        assertEquals(10, pacer.waiting());

        loop.turn();
        assertEquals(List.of("c0:1", "c1:1", "c2:1", "c3:1"), log, "the first turn sends to one batch");
        loop.execute(() -> log.add("yp-response"));
        loop.turn();
        assertEquals(List.of("yp-response", "c4:1", "c5:1", "c6:1", "c7:1"), log.subList(4, log.size()),
                "the response queued meanwhile goes out before the next batch");
        loop.turn();
        assertEquals(List.of("c8:1", "c9:1"), log.subList(9, log.size()));
        assertEquals(0, pacer.waiting());
        assertTrue(!loop.turn(), "nothing is scheduled once every client was sent to");
    }

    @Test
    void aClientThatNeverAsksForMoreHoldsUpNobody() {
        FakeLoop loop = new FakeLoop();
        LoopPacer pacer = new LoopPacer(loop::scheduleNextTurn, 3);
        List<String> log = new ArrayList<>();
        List<ClientStream> clients = new ArrayList<>();
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Connection conn = new Connection("c" + i, log, loop);
            conn.stuck = i == 1;
            ClientStream c = stream(pacer, 8);
            c.subscribe(conn);
            clients.add(c);
            connections.add(conn);
        }

        for (long id = 1; id <= 20; id++) {
            fanOut(clients, id);
            while (loop.turn()) {
                // every turn sends to one batch; the stuck client's drain sends nothing and costs nothing more
            }
        }
        List<Long> all = LongStream.rangeClosed(1, 20).boxed().toList();
        for (int i = 0; i < 7; i++) {
            if (i != 1) {
                assertEquals(all, connections.get(i).ids, "client " + i + " got every event");
            }
        }
        assertTrue(connections.get(1).ids.isEmpty());
        ClientQueue stuck = clients.get(1).queue();
        assertTrue(stuck.size() <= 8, "the stuck client holds its bounded buffer only: " + stuck.size());
        assertTrue(stuck.overflows() > 0, "and was told to resync");
    }

    @Test
    void aClientWhoseConnectionFailsDoesNotStopTheBatch() {
        FakeLoop loop = new FakeLoop();
        LoopPacer pacer = new LoopPacer(loop::scheduleNextTurn, 64);
        List<String> log = new ArrayList<>();
        ClientStream broken = stream(pacer, 8);
        broken.subscribe(new Connection("broken", log, loop) {
            @Override
            public void onNext(SseFrame f) {
                throw new IllegalStateException("connection reset");
            }
        });
        ClientStream fine = stream(pacer, 8);
        fine.subscribe(new Connection("fine", log, loop));

        fanOut(List.of(broken, fine), 1);
        loop.turn();
        assertEquals(List.of("fine:1"), log);
    }

    @Test
    void eachClientGetsEveryEventInOrderWhileFanOutsRaceTheLoop() throws Exception {
        ScheduledExecutorService eventLoop = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "fake-event-loop"));
        try {
            LoopPacer pacer = LoopPacer.on(eventLoop);
            List<String> log = new CopyOnWriteArrayList<>();
            List<ClientStream> clients = new ArrayList<>();
            List<Connection> connections = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                // the writes complete on the loop, as the server's do
                Connection conn = new Connection("c" + i, log, eventLoop);
                ClientStream c = stream(pacer, 1_000);
                eventLoop.submit(() -> c.subscribe(conn)).get();
                clients.add(c);
                connections.add(conn);
            }
            for (long id = 1; id <= 500; id++) {
                fanOut(clients, id);
            }
            List<Long> all = LongStream.rangeClosed(1, 500).boxed().toList();
            for (Connection conn : connections) {
                Await.until(Duration.ofSeconds(10), conn.ids::size, n -> n == 500, () -> conn.name + " got " + conn.ids.size());
                assertEquals(all, conn.ids, conn.name);
                assertTrue(conn.threads.stream().allMatch("fake-event-loop"::equals), "sent from the event loop only");
            }
        } finally {
            eventLoop.shutdownNow();
            eventLoop.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void anEventLoopThatIsShuttingDownIsNotAnError() {
        LoopPacer pacer = new LoopPacer(task -> {
            throw new RejectedExecutionException("event loop shut down");
        }, 64);
        ClientStream c = stream(pacer, 8);
        c.queue().offer(ev(1));
        assertDoesNotThrow(c::wake);
        assertDoesNotThrow(c::wake);
    }
}
