package org.ondes.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;

/**
 * A small HTTP/1.1 keep-alive load generator over raw sockets (what Icecast's libcurl does: one reused connection).
 * Open-loop mode paces each connection to a target rate and measures latency from the scheduled send time, so a
 * slow server is not hidden by the generator waiting for it (no coordinated omission).
 */
final class LoadGenerator {
    /**
     * One phase's figures. {@code sentAt} and {@code latencyNanos}: each request's scheduled send time
     * ({@code System.nanoTime()}) and latency, in the same order, for looking at when the slow ones happened.
     */
    record Result(String label, double seconds, long requests, long errors, double perSecond, double p50Ms, double p99Ms,
                  double maxMs, long[] sentAt, long[] latencyNanos) {
        String row() {
            return String.format("%-34s %9.0f/s %8d req %5d err   p50 %7.2f ms   p99 %7.2f ms   max %8.2f ms",
                    label, perSecond, requests, errors, p50Ms, p99Ms, maxMs);
        }
    }

    private final int port;

    LoadGenerator(int port) {
        this.port = port;
    }

    /** A keep-alive POST as Icecast sends it. */
    byte[] post(String path, byte[] body) {
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUser-Agent: Icecast 2.4.4\r\nAccept: */*\r\n"
                + "Content-Length: " + body.length + "\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    /** A keep-alive GET. */
    byte[] get(String pathAndQuery) {
        return get(pathAndQuery, "");
    }

    /** A keep-alive GET with extra header lines, each ending in CRLF. */
    byte[] get(String pathAndQuery, String headerLines) {
        return ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: application/json\r\n"
                + headerLines + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Runs {@code connections} keep-alive connections for {@code seconds}. {@code ratePerSecond <= 0} means closed
     * loop (as fast as the server answers). {@code requests.apply(c).apply(i)} gives the i-th request of connection c.
     */
    Result run(String label, int connections, double ratePerSecond, double seconds, IntFunction<IntFunction<byte[]>> requests)
            throws InterruptedException {
        return run(label, connections, ratePerSecond, seconds, requests, () -> false);
    }

    /**
     * As {@link #run(String, int, double, double, IntFunction)}, but the phase also ends as soon as {@code stop} is
     * true (checked before each request): for load that must cover exactly some other work, such as a fan-out.
     */
    Result run(String label, int connections, double ratePerSecond, double seconds, IntFunction<IntFunction<byte[]>> requests,
               BooleanSupplier stop) throws InterruptedException {
        long durationNanos = (long) (seconds * 1e9);
        AtomicBoolean endedEarly = new AtomicBoolean();
        List<long[]> latencies = new ArrayList<>();
        List<long[]> sends = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(connections);
        long start = System.nanoTime() + 200_000_000L;
        long[] counts = new long[connections];
        for (int c = 0; c < connections; c++) {
            int conn = c;
            long[] lat = new long[(int) Math.min(50_000_000L, (long) (Math.max(ratePerSecond, 20_000) * seconds / connections) + 1000)];
            latencies.add(lat);
            long[] sent = new long[lat.length];
            sends.add(sent);
            IntFunction<byte[]> request = requests.apply(conn);
            Thread t = new Thread(() -> {
                try (Socket s = new Socket()) {
                    s.setTcpNoDelay(true);
                    s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                    s.setSoTimeout(30_000);
                    OutputStream out = s.getOutputStream();
                    InputStream in = s.getInputStream();
                    byte[] buf = new byte[16384];
                    double interval = ratePerSecond > 0 ? connections * 1e9 / ratePerSecond : 0;
                    long offset = ratePerSecond > 0 ? (long) (interval * conn / connections) : 0;
                    int i = 0;
                    while (true) {
                        long scheduled = ratePerSecond > 0 ? start + offset + (long) (interval * i) : System.nanoTime();
                        if (scheduled - start >= durationNanos || i >= lat.length) {
                            break;
                        }
                        if (stop.getAsBoolean()) {
                            endedEarly.set(true);
                            break;
                        }
                        long now = System.nanoTime();
                        if (scheduled > now) {
                            Thread.sleep((scheduled - now) / 1_000_000, (int) ((scheduled - now) % 1_000_000));
                        } else if (ratePerSecond <= 0 && now < start) {
                            Thread.sleep((start - now) / 1_000_000);
                            scheduled = System.nanoTime();
                        }
                        out.write(request.apply(i));
                        out.flush();
                        if (!readResponse(in, buf)) {
                            errors.incrementAndGet();
                        }
                        sent[i] = scheduled;
                        lat[i++] = System.nanoTime() - scheduled;
                    }
                    counts[conn] = i;
                } catch (IOException e) {
                    errors.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, "load-" + c);
            t.setDaemon(true);
            t.start();
        }
        done.await();
        // An overloaded server finishes the scheduled requests late: the rate is what was completed per second.
        double elapsed = endedEarly.get() ? (System.nanoTime() - start) / 1e9
                : Math.max(seconds, (System.nanoTime() - start) / 1e9);
        long total = Arrays.stream(counts).sum();
        long[] all = new long[(int) total];
        long[] sentAt = new long[(int) total];
        int k = 0;
        for (int c = 0; c < connections; c++) {
            System.arraycopy(latencies.get(c), 0, all, k, (int) counts[c]);
            System.arraycopy(sends.get(c), 0, sentAt, k, (int) counts[c]);
            k += (int) counts[c];
        }
        long[] inOrder = all.clone();
        Arrays.sort(all);
        return new Result(label, elapsed, total, errors.get(), total / elapsed, pct(all, 0.50), pct(all, 0.99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6, sentAt, inOrder);
    }

    /** Reads one response (head + Content-Length body); true for 200/304 and, on YP replies, {@code YPResponse: 1}. */
    private static boolean readResponse(InputStream in, byte[] buf) throws IOException {
        int n = 0;
        int headEnd = -1;
        while (headEnd < 0) {
            int r = in.read(buf, n, buf.length - n);
            if (r < 0) {
                throw new IOException("connection closed");
            }
            n += r;
            headEnd = indexOf(buf, n);
        }
        String head = new String(buf, 0, headEnd, StandardCharsets.ISO_8859_1);
        int cl = 0;
        for (String line : head.split("\r\n")) {
            if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                cl = Integer.parseInt(line.substring(15).trim());
            }
        }
        int have = n - (headEnd + 4);
        while (have < cl) {
            int r = in.read(buf, 0, buf.length);
            if (r < 0) {
                throw new IOException("connection closed");
            }
            have += r;
        }
        boolean status = head.startsWith("HTTP/1.1 200") || head.startsWith("HTTP/1.1 304");
        return status && (!head.contains("\r\nYPResponse:") || head.contains("\r\nYPResponse: 1"));
    }

    private static int indexOf(byte[] b, int n) {
        for (int i = 3; i < n; i++) {
            if (b[i - 3] == '\r' && b[i - 2] == '\n' && b[i - 1] == '\r' && b[i] == '\n') {
                return i - 3;
            }
        }
        return -1;
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
