package org.ondes.catalog.export;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamedBodyTest {
    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** A subscriber that requests chunks only when told to and records what arrives. */
    static final class Client implements Subscriber<byte[]> {
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        final CompletableFuture<Throwable> done = new CompletableFuture<>();
        volatile Subscription subscription;
        final CompletableFuture<Void> subscribed = new CompletableFuture<>();

        @Override
        public void onSubscribe(Subscription s) {
            subscription = s;
            subscribed.complete(null);
        }

        @Override
        public synchronized void onNext(byte[] chunk) {
            received.writeBytes(chunk);
        }

        @Override
        public void onError(Throwable t) {
            done.complete(t);
        }

        @Override
        public void onComplete() {
            done.complete(null);
        }
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31);
        }
        return b;
    }

    @Test
    void deliversEverythingInFullChunksAndTheRestOnClose() throws Exception {
        byte[] data = bytes(StreamedBody.CHUNK_SIZE * 3 + 123);
        Publisher<byte[]> body = StreamedBody.publisher(executor, out -> {
            for (byte b : data) {
                out.write(b);
            }
        }, Duration.ofSeconds(5), Duration.ofSeconds(30));
        Client client = new Client();
        body.subscribe(client);
        client.subscribed.get(5, TimeUnit.SECONDS);
        client.subscription.request(Long.MAX_VALUE);
        assertEquals(null, client.done.get(5, TimeUnit.SECONDS));
        assertArrayEquals(data, client.received.toByteArray());
    }

    @Test
    void theWriterWaitsForTheClientSoMemoryStaysBounded() throws Exception {
        AtomicLong written = new AtomicLong();
        Publisher<byte[]> body = StreamedBody.publisher(executor, out -> {
            byte[] chunk = bytes(1024);
            for (int i = 0; i < 100_000; i++) {
                out.write(chunk);
                written.addAndGet(chunk.length);
            }
        }, Duration.ofSeconds(20), Duration.ofSeconds(30));
        Client client = new Client();
        body.subscribe(client);
        client.subscribed.get(5, TimeUnit.SECONDS);
        client.subscription.request(1);
        Thread.sleep(500);
        long bound = (long) (StreamedBody.MAX_BUFFERED_CHUNKS + 3) * StreamedBody.CHUNK_SIZE;
        assertTrue(written.get() <= bound, "wrote " + written.get() + " bytes for a client that took one chunk");
        client.subscription.request(Long.MAX_VALUE);
        assertEquals(null, client.done.get(20, TimeUnit.SECONDS));
        assertEquals(100_000L * 1024, client.received.size());
    }

    @Test
    void aCancelledClientAbortsTheWriterPromptly() throws Exception {
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        CompletableFuture<Void> writerDone = new CompletableFuture<>();
        Publisher<byte[]> body = StreamedBody.publisher(executor, out -> {
            try {
                byte[] chunk = bytes(1024);
                while (true) {
                    out.write(chunk);
                }
            } catch (Exception e) {
                writerFailure.set(e);
                throw e;
            } finally {
                writerDone.complete(null);
            }
        }, Duration.ofSeconds(30), Duration.ofSeconds(60));
        Client client = new Client();
        body.subscribe(client);
        client.subscribed.get(5, TimeUnit.SECONDS);
        client.subscription.request(2);
        Thread.sleep(200);
        long start = System.nanoTime();
        client.subscription.cancel();
        writerDone.get(5, TimeUnit.SECONDS);
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "did not wait for the stall timeout");
        assertInstanceOf(StreamedBody.BodyAbortedException.class, writerFailure.get());
    }

    @Test
    void aClientThatStopsReadingIsDroppedAfterTheStallTimeout() throws Exception {
        Publisher<byte[]> body = StreamedBody.publisher(executor, out -> {
            byte[] chunk = bytes(1024);
            while (true) {
                out.write(chunk);
            }
        }, Duration.ofMillis(300), Duration.ofSeconds(60));
        Client client = new Client();
        body.subscribe(client);
        client.subscribed.get(5, TimeUnit.SECONDS);
        client.subscription.request(1);
        Throwable failure = client.done.get(10, TimeUnit.SECONDS);
        assertInstanceOf(StreamedBody.BodyAbortedException.class, failure);
    }

    @Test
    void aWriterFailureReachesTheClient() throws Exception {
        Publisher<byte[]> body = StreamedBody.publisher(executor, out -> {
            out.write(bytes(10));
            throw new IllegalStateException("database gone");
        }, Duration.ofSeconds(5), Duration.ofSeconds(30));
        Client client = new Client();
        body.subscribe(client);
        client.subscribed.get(5, TimeUnit.SECONDS);
        client.subscription.request(Long.MAX_VALUE);
        assertEquals("database gone", client.done.get(5, TimeUnit.SECONDS).getMessage());
    }

    @Test
    void anAbortIsRecognisedThroughWrappers() {
        StreamedBody.BodyAbortedException abort = new StreamedBody.BodyAbortedException("gone");
        assertEquals(abort, StreamedBody.aborted(new IllegalStateException(new java.io.UncheckedIOException(abort))));
        assertEquals(null, StreamedBody.aborted(new IllegalStateException("database gone")));
    }
}
