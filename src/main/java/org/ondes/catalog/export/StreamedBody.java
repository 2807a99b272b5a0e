package org.ondes.catalog.export;

import org.reactivestreams.FlowAdapters;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP body written by blocking code and sent while it is being written, with flat memory: the writer runs on
 * its own thread and fills {@value #CHUNK_SIZE}-byte chunks; at most {@value #MAX_BUFFERED_CHUNKS} chunks wait for the
 * client, after which the writer blocks until the client has taken one (backpressure through the
 * {@link SubmissionPublisher} buffer). A client that takes no chunk for {@code stallTimeout}, or a body not
 * finished within {@code deadline}, aborts the writer, and so does a client that goes away: {@code write} then throws
 * {@link BodyAbortedException}, which ends whatever the writer holds (for yp.xml: the database cursor and its
 * transaction).
 */
final class StreamedBody {
    private static final Logger LOG = LoggerFactory.getLogger(StreamedBody.class);
    static final int CHUNK_SIZE = 32 * 1024;
    static final int MAX_BUFFERED_CHUNKS = 8;

    /** Writes the whole body to {@code out}; runs once per subscriber, on the executor given to {@link #publisher}. */
    interface Producer {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Thrown by the body's stream when the client went away, stalled or the deadline passed. */
    static final class BodyAbortedException extends InterruptedIOException {
        BodyAbortedException(String message) {
            super(message);
        }
    }

    private StreamedBody() {
    }

    /** A one-shot publisher: each subscriber gets its own run of {@code producer}. */
    static Publisher<byte[]> publisher(Executor executor, Producer producer, Duration stallTimeout, Duration deadline) {
        return (Subscriber<? super byte[]> subscriber) -> {
            SubmissionPublisher<byte[]> chunks = new SubmissionPublisher<>(executor, MAX_BUFFERED_CHUNKS);
            FlowAdapters.toPublisher(chunks).subscribe(subscriber);
            executor.execute(() -> run(chunks, producer, stallTimeout, deadline));
        };
    }

    private static void run(SubmissionPublisher<byte[]> chunks, Producer producer, Duration stallTimeout, Duration deadline) {
        try (ChunkStream out = new ChunkStream(chunks, stallTimeout, System.nanoTime() + deadline.toNanos())) {
            producer.writeTo(out);
        } catch (Throwable t) {
            BodyAbortedException aborted = aborted(t);
            if (aborted != null) {
                LOG.debug("Streamed body aborted: {}", aborted.getMessage());
            } else {
                // the status line is gone already: the client sees a truncated body, the log says why
                LOG.warn("Streamed body failed after it had started", t);
            }
            chunks.closeExceptionally(t);
            return;
        }
        chunks.close();
    }

    /** The abort behind {@code t}, however the writer's layers (transactions, callbacks) wrapped it; else null. */
    static BodyAbortedException aborted(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof BodyAbortedException a) {
                return a;
            }
        }
        return null;
    }

    /** Cuts what is written into chunks and hands each full chunk to the subscriber's buffer, waiting for room. */
    static final class ChunkStream extends OutputStream {
        private final SubmissionPublisher<byte[]> chunks;
        private final long stallNanos;
        private final long deadlineNanos;
        private byte[] buffer = new byte[CHUNK_SIZE];
        private int used;
        private boolean closed;

        ChunkStream(SubmissionPublisher<byte[]> chunks, Duration stallTimeout, long deadlineNanos) {
            this.chunks = chunks;
            this.stallNanos = stallTimeout.toNanos();
            this.deadlineNanos = deadlineNanos;
        }

        @Override
        public void write(int b) throws IOException {
            if (used == buffer.length) {
                emit();
            }
            buffer[used++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (used == buffer.length) {
                    emit();
                }
                int n = Math.min(len, buffer.length - used);
                System.arraycopy(b, off, buffer, used, n);
                used += n;
                off += n;
                len -= n;
            }
        }

        /** Small flushes are ignored: only full chunks (and the last one on close) are sent. */
        @Override
        public void flush() {
            // chunks are sent when full
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                if (used > 0) {
                    emit();
                }
            }
        }

        private void emit() throws IOException {
            if (chunks.isClosed() || !chunks.hasSubscribers()) {
                throw new BodyAbortedException("the client went away");
            }
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new BodyAbortedException("the body was not sent within its deadline");
            }
            byte[] chunk = used == buffer.length ? buffer : Arrays.copyOf(buffer, used);
            int lag = chunks.offer(chunk, stallNanos, TimeUnit.NANOSECONDS, (subscriber, dropped) -> false);
            if (lag < 0) {
                throw new BodyAbortedException(chunks.hasSubscribers() ? "the client stopped reading" : "the client went away");
            }
            buffer = new byte[CHUNK_SIZE];
            used = 0;
        }
    }
}
