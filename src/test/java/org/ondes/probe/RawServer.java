package org.ondes.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny HTTP-ish server for tests: listens on 127.0.0.1, one thread per connection, reads the
 * request head (and a body announced by Content-Length), records it, and lets the handler write
 * whatever bytes it likes. Everything it does is bounded in time and size, and it only ever talks
 * to the test's own client over loopback.
 */
final class RawServer implements AutoCloseable {

    /** Answers one connection. */
    @FunctionalInterface
    interface Handler {
        void handle(Exchange exchange) throws Exception;
    }

    /** One accepted connection and the request read from it. */
    record Exchange(Socket socket, String head, byte[] body, RawServer server) {
        String path() {
            String[] parts = head.split(" ", 3);
            return parts.length > 1 ? parts[1] : "";
        }

        void send(String text) throws IOException {
            OutputStream out = socket.getOutputStream();
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        /** Writes filler bytes until the client goes away, 16 MiB or 10 s, whichever comes first. */
        void sendEndlessly() throws IOException {
            byte[] chunk = new byte[4096];
            long until = System.nanoTime() + 10_000_000_000L;
            OutputStream out = socket.getOutputStream();
            for (int i = 0; i < 4096 && System.nanoTime() < until; i++) {
                chunk[0] = (byte) i;
                out.write(chunk);
            }
        }

        /** Keeps the connection open, sending nothing, until the client closes it (at most 10 s). */
        void holdOpen() throws IOException {
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            while (in.read() >= 0) {
                // drain until the client hangs up
            }
        }
    }

    private static final int MAX_HEAD = 64 * 1024;

    private final ServerSocket listener;
    private final Handler handler;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    private final boolean readRequest;

    RawServer(Handler handler) throws IOException {
        this(new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1")), true, handler);
    }

    /** With {@code readRequest} false the handler runs at once, before the client has said anything. */
    RawServer(ServerSocket listener, boolean readRequest, Handler handler) {
        this.listener = listener;
        this.readRequest = readRequest;
        this.handler = handler;
        Thread acceptor = new Thread(this::acceptLoop, "raw-server-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    int connections() {
        return connections.get();
    }

    List<String> requests() {
        return requests;
    }

    List<byte[]> bodies() {
        return bodies;
    }

    List<Throwable> failures() {
        return failures;
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                connections.incrementAndGet();
                open.add(socket);
                Thread worker = new Thread(() -> serve(socket), "raw-server-conn");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(5_000);
            String head = readRequest ? readHead(socket.getInputStream()) : "";
            byte[] body = readRequest ? readBody(socket.getInputStream(), head) : new byte[0];
            requests.add(head);
            bodies.add(body);
            handler.handle(new Exchange(socket, head, body, this));
        } catch (IOException e) {
            // the client hung up or the test ended: normal for a stream
        } catch (Exception | AssertionError e) {
            failures.add(e);
        } finally {
            open.remove(socket);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4 && head.size() < MAX_HEAD) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static byte[] readBody(InputStream in, String head) throws IOException {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                int length = Integer.parseInt(line.substring(15).trim());
                return in.readNBytes(Math.min(length, MAX_HEAD));
            }
        }
        return new byte[0];
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
