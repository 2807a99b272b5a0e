package org.ondes.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server that answers every GET like an Icecast mount (HTTP/1.0 200, audio/mpeg, endless bytes), so
 * HTTP-level tests can get sessions through the listen-URL check without a real Icecast.
 */
public final class FakeIcecastMount implements AutoCloseable {
    private final ServerSocket server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile boolean running = true;

    public FakeIcecastMount() throws IOException {
        this(0);
    }

    /**
     * A mount on a chosen port, e.g. one a stream was announced on before anything listened there (its first
     * listen-URL check fails, so it stays pending until this server answers a retry).
     */
    public FakeIcecastMount(int port) throws IOException {
        server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::accept, "fake-icecast-" + server.getLocalPort());
        t.setDaemon(true);
        t.start();
    }

    public String url(String mount) {
        return "http://127.0.0.1:" + server.getLocalPort() + mount;
    }

    public int requests() {
        return requests.get();
    }

    private void accept() {
        while (running) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> serve(s));
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            s.setSoTimeout(5000);
            // read the request head
            int matched = 0;
            int b;
            while (matched < 4 && (b = in.read()) != -1) {
                matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            requests.incrementAndGet();
            out.write("HTTP/1.0 200 OK\r\nContent-Type: audio/mpeg\r\nicy-name: fake\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[4096];
            for (int i = 0; i < 50 && running; i++) {
                out.write(chunk);
                out.flush();
                Thread.sleep(100);
            }
        } catch (IOException | InterruptedException ignored) {
            // the client went away
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        server.close();
    }
}
