package org.ondes.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;

/**
 * Many concurrent SSE clients in one process (its own file-descriptor budget, apart from the server's JVM), run by
 * {@link SseFanoutBench}. One selector thread reads every connection and notes, per client, the moment
 * ({@code System.nanoTime()}, CLOCK_MONOTONIC on Linux, so comparable with the parent process) at which each
 * {@code FanoutSong-<n>-} title first arrived.
 *
 * <p>Protocol on stdin/stdout: prints {@code READY <connected>} once every client got the stream's first frame;
 * on the line {@code REPORT n}, prints for songs 1..n {@code SONG <n> <received> <t50> <t99> <tmax>} (absolute
 * nanoTimes) and {@code END}; on {@code QUIT} it exits.
 *
 * <p>Arguments: port, clients, max songs.
 */
public final class SseSwarm {
    private static final byte[] MARKER = "FanoutSong-".getBytes(StandardCharsets.US_ASCII);
    private static final int CARRY = 40;

    private static final class Client {
        final int id;
        final byte[] carry = new byte[CARRY];
        int carried;
        boolean ready;

        Client(int id) {
            this.id = id;
        }
    }

    private final int clients;
    private final long[][] arrivals;
    private final Selector selector;
    private volatile int readyCount;
    private volatile int connectedCount;

    private SseSwarm(int clients, int songs) throws IOException {
        this.clients = clients;
        this.arrivals = new long[songs + 1][clients];
        this.selector = Selector.open();
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int clients = Integer.parseInt(args[1]);
        int songs = Integer.parseInt(args[2]);
        SseSwarm swarm = new SseSwarm(clients, songs);
        Thread reader = new Thread(swarm::loop, "sse-swarm");
        reader.setDaemon(true);
        reader.start();
        swarm.connectAll(port);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.startsWith("REPORT")) {
                swarm.report(Integer.parseInt(line.substring(7).trim()));
            } else if (line.equals("QUIT")) {
                break;
            }
        }
        System.exit(0);
    }

    /** Opens the connections in batches (the listen backlog is finite) and waits until each got its first frame. */
    private void connectAll(int port) throws Exception {
        byte[] request = ("GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        int batch = 250;
        for (int from = 0; from < clients; from += batch) {
            for (int i = from; i < Math.min(clients, from + batch); i++) {
                SocketChannel ch = SocketChannel.open();
                ch.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
                ch.connect(new InetSocketAddress("127.0.0.1", port));
                ch.write(ByteBuffer.wrap(request));
                ch.configureBlocking(false);
                synchronized (this) {
                    selector.wakeup();
                    ch.register(selector, SelectionKey.OP_READ, new Client(i));
                }
                connectedCount++;
            }
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (readyCount < Math.min(clients, from + batch) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        }
        System.out.println("READY " + readyCount);
        System.out.flush();
    }

    private void loop() {
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        byte[] scan = new byte[64 * 1024 + CARRY];
        while (true) {
            try {
                synchronized (this) {
                    // registration happens under this lock after a wakeup, so select cannot block it for long
                }
                selector.select(100);
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    Client c = (Client) key.attachment();
                    buf.clear();
                    int n;
                    try {
                        n = ((SocketChannel) key.channel()).read(buf);
                    } catch (IOException e) {
                        n = -1;
                    }
                    if (n < 0) {
                        key.cancel();
                        continue;
                    }
                    long now = System.nanoTime();
                    System.arraycopy(c.carry, 0, scan, 0, c.carried);
                    System.arraycopy(buf.array(), 0, scan, c.carried, n);
                    int len = c.carried + n;
                    if (!c.ready) {
                        c.ready = true; // the first bytes are the response head and the retry frame
                        readyCount++;
                    }
                    find(c, scan, len, now);
                    int keep = Math.min(CARRY, len);
                    System.arraycopy(scan, len - keep, c.carry, 0, keep);
                    c.carried = keep;
                }
            } catch (IOException | RuntimeException e) {
                System.err.println("swarm: " + e);
            }
        }
    }

    private void find(Client c, byte[] b, int len, long now) {
        outer:
        for (int i = 0; i + MARKER.length < len; i++) {
            for (int j = 0; j < MARKER.length; j++) {
                if (b[i + j] != MARKER[j]) {
                    continue outer;
                }
            }
            int k = i + MARKER.length;
            int song = 0;
            int digits = 0;
            while (k < len && b[k] >= '0' && b[k] <= '9' && digits < 6) {
                song = song * 10 + (b[k] - '0');
                k++;
                digits++;
            }
            if (k < len && b[k] == '-' && digits > 0 && song < arrivals.length && arrivals[song][c.id] == 0) {
                arrivals[song][c.id] = now;
            }
        }
    }

    private void report(int songs) {
        for (int s = 1; s <= Math.min(songs, arrivals.length - 1); s++) {
            long[] got = Arrays.stream(arrivals[s]).filter(t -> t != 0).sorted().toArray();
            if (got.length == 0) {
                System.out.println("SONG " + s + " 0 0 0 0");
                continue;
            }
            System.out.println("SONG " + s + " " + got.length + " " + got[(int) (got.length * 0.5)] + " "
                    + got[Math.min(got.length - 1, (int) Math.ceil(got.length * 0.99) - 1)] + " " + got[got.length - 1]);
        }
        System.out.println("END");
        System.out.flush();
    }
}
