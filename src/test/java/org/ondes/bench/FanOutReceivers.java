package org.ondes.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The receiving servers of {@link FederationFanOutBench}, in a process of their own (in production they are other
 * machines; here they should neither share the server's heap and garbage collector nor take more of the shared cores
 * than they must). Minimal HTTP/1.1 inboxes on loopback ports, all served by one thread with non-blocking sockets:
 * each reads a request (headers and a {@code Content-Length} body), notes when it arrived ({@code System.nanoTime()},
 * CLOCK_MONOTONIC on Linux, so comparable with the parent process), and answers {@code 202} with an empty body after
 * its host's delay, keeping the connection open unless asked to close it. A JDK {@code HttpServer} per host cost
 * about 1 ms of CPU per request here, as much as Ondes' own handling of a delivery; this costs a small fraction.
 *
 * <p>Protocol on stdin/stdout, one line each: {@code NEW <healthy> <slow> <healthyDelayMs> <slowDelayMs>} starts that
 * many stub hosts and prints {@code HOSTS <port,…> <port,…>} (healthy, then slow; {@code -} for none);
 * {@code COUNT} prints the requests received by the healthy hosts of the last set, {@code SLOW} those of its slow
 * ones; {@code TIMES} prints their arrival times; {@code QUIT} exits.
 */
public final class FanOutReceivers {
    private static final byte[] ACCEPTED = "HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_REQUEST = 1 << 20;

    /** One set of hosts started by one {@code NEW}: what its healthy and its slow hosts received. */
    private static final class HostSet {
        final AtomicInteger healthy = new AtomicInteger();
        final AtomicInteger slow = new AtomicInteger();
        final Queue<Long> arrivals = new ConcurrentLinkedQueue<>();
    }

    private record Host(HostSet set, boolean slow, long delayNanos) {
    }

    private static final class Conn {
        final Host host;
        ByteBuffer in = ByteBuffer.allocate(8192);
        ByteBuffer out;
        boolean closeAfter;
        boolean waiting;

        Conn(Host host) {
            this.host = host;
        }
    }

    private record Reply(long at, SelectionKey key) {
    }

    private final Selector selector;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Reply> replies = new PriorityQueue<>((a, b) -> Long.compare(a.at(), b.at()));
    private volatile boolean running = true;

    private FanOutReceivers() throws IOException {
        this.selector = Selector.open();
    }

    public static void main(String[] args) throws Exception {
        FanOutReceivers receivers = new FanOutReceivers();
        Thread loop = new Thread(receivers::loop, "receivers");
        loop.setDaemon(true);
        loop.start();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.US_ASCII);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        HostSet last = new HostSet();
        for (String line = in.readLine(); line != null && !line.equals("QUIT"); line = in.readLine()) {
            String[] f = line.split(" ");
            switch (f[0]) {
                case "NEW" -> {
                    HostSet set = new HostSet();
                    List<Integer> healthy = receivers.open(set, Integer.parseInt(f[1]), false, Long.parseLong(f[3]));
                    List<Integer> slow = receivers.open(set, Integer.parseInt(f[2]), true, Long.parseLong(f[4]));
                    last = set;
                    out.println("HOSTS " + ports(healthy) + " " + ports(slow));
                }
                case "COUNT" -> out.println(last.healthy.get());
                case "SLOW" -> out.println(last.slow.get());
                case "TIMES" -> out.println(last.arrivals.stream().map(String::valueOf).collect(Collectors.joining(" ")));
                default -> out.println("? " + line);
            }
        }
        receivers.running = false;
        receivers.selector.wakeup();
    }

    /** Opens {@code n} listening ports served by the loop; returns them. */
    private List<Integer> open(HostSet set, int n, boolean slow, long delayMs) throws Exception {
        CompletableFuture<List<Integer>> ports = new CompletableFuture<>();
        tasks.add(() -> {
            try {
                List<Integer> opened = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    ServerSocketChannel server = ServerSocketChannel.open();
                    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
                    server.configureBlocking(false);
                    server.register(selector, SelectionKey.OP_ACCEPT, new Host(set, slow, delayMs * 1_000_000L));
                    opened.add(server.socket().getLocalPort());
                }
                ports.complete(opened);
            } catch (IOException e) {
                ports.completeExceptionally(e);
            }
        });
        selector.wakeup();
        return ports.get();
    }

    private void loop() {
        while (running) {
            try {
                Reply next = replies.peek();
                long wait = next == null ? 0 : Math.max(1, (next.at() - System.nanoTime()) / 1_000_000);
                selector.select(wait);
                for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
                    task.run();
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    handle(key);
                }
                selector.selectedKeys().clear();
                long now = System.nanoTime();
                while (!replies.isEmpty() && replies.peek().at() <= now) {
                    answer(replies.poll().key());
                }
            } catch (IOException e) {
                System.err.println("receivers: " + e);
            }
        }
    }

    private void handle(SelectionKey key) {
        try {
            if (!key.isValid()) {
                return;
            }
            if (key.isAcceptable()) {
                SocketChannel c = ((ServerSocketChannel) key.channel()).accept();
                if (c != null) {
                    c.configureBlocking(false);
                    c.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
                    c.register(selector, SelectionKey.OP_READ, new Conn((Host) key.attachment()));
                }
            } else if (key.isReadable()) {
                read(key);
            } else if (key.isWritable()) {
                write(key);
            }
        } catch (IOException e) {
            close(key);
        }
    }

    private void read(SelectionKey key) throws IOException {
        Conn conn = (Conn) key.attachment();
        if (!conn.in.hasRemaining()) {
            if (conn.in.capacity() >= MAX_REQUEST) {
                close(key);
                return;
            }
            ByteBuffer bigger = ByteBuffer.allocate(conn.in.capacity() * 2);
            conn.in.flip();
            bigger.put(conn.in);
            conn.in = bigger;
        }
        int n = ((SocketChannel) key.channel()).read(conn.in);
        if (n < 0) {
            close(key);
            return;
        }
        if (!conn.waiting) {
            request(key, conn);
        }
    }

    /** A whole request in the buffer: counted, and its answer scheduled; the buffer keeps what follows it. */
    private void request(SelectionKey key, Conn conn) {
        int end = headersEnd(conn.in);
        if (end < 0) {
            return;
        }
        String head = new String(conn.in.array(), 0, end, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        int length = 0;
        for (String line : head.split("\r\n")) {
            if (line.startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        int total = end + 4 + length;
        if (conn.in.position() < total) {
            return;
        }
        long now = System.nanoTime();
        conn.closeAfter = head.contains("\r\nconnection: close");
        if (conn.host.slow()) {
            conn.host.set().slow.incrementAndGet();
        } else {
            conn.host.set().arrivals.add(now);
            conn.host.set().healthy.incrementAndGet();
        }
        conn.in.flip().position(total);
        conn.in.compact();
        conn.waiting = true;
        replies.add(new Reply(now + conn.host.delayNanos(), key));
    }

    private void answer(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        Conn conn = (Conn) key.attachment();
        conn.out = ByteBuffer.wrap(ACCEPTED);
        try {
            write(key);
        } catch (IOException e) {
            close(key);
        }
    }

    private void write(SelectionKey key) throws IOException {
        Conn conn = (Conn) key.attachment();
        ((SocketChannel) key.channel()).write(conn.out);
        if (conn.out.hasRemaining()) {
            key.interestOps(SelectionKey.OP_WRITE);
            return;
        }
        if (conn.closeAfter) {
            close(key);
            return;
        }
        conn.out = null;
        conn.waiting = false;
        key.interestOps(SelectionKey.OP_READ);
        request(key, conn); // a request that came in behind this one
    }

    private static int headersEnd(ByteBuffer in) {
        byte[] b = in.array();
        for (int i = 0; i + 3 < in.position(); i++) {
            if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static void close(SelectionKey key) {
        key.cancel();
        try {
            key.channel().close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private static String ports(List<Integer> ports) {
        return ports.isEmpty() ? "-" : ports.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
