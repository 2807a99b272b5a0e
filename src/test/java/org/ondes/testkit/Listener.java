package org.ondes.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One Icecast listener: an HTTP GET on a listen URL whose body is read (and discarded) by a
 * background thread until {@link #close()}. A raw socket is used so that close() reliably
 * unblocks the reader and icecast sees the client leave at once.
 */
public final class Listener implements AutoCloseable {

    private final String url;
    private final Socket socket;
    private final AtomicLong bytes = new AtomicLong();
    private final Thread reader;
    private volatile String statusLine = "";
    private volatile IOException failure;
    private volatile boolean closing;

    private Listener(String url, Socket socket) {
        this.url = url;
        this.socket = socket;
        this.reader = new Thread(this::readLoop, "listener " + url);
        this.reader.setDaemon(true);
    }

    /** Connects to {@code listenUrl} (http://host:port/mount) and starts reading. */
    public static Listener open(String listenUrl) {
        URI uri = URI.create(listenUrl);
        int port = uri.getPort() > 0 ? uri.getPort() : 80;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(uri.getHost(), port), 5000);
            OutputStream out = socket.getOutputStream();
            String request = "GET " + path + " HTTP/1.0\r\nHost: " + uri.getHost() + ":" + port
                    + "\r\nUser-Agent: ondes-testkit-listener\r\nAccept: */*\r\n\r\n";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already failing
            }
            throw new UncheckedIOException("cannot open listener on " + listenUrl, e);
        }
        Listener listener = new Listener(listenUrl, socket);
        listener.reader.start();
        return listener;
    }

    /** Bytes received so far (headers included). */
    public long bytesRead() {
        return bytes.get();
    }

    /** The HTTP status line once received, e.g. {@code HTTP/1.0 200 OK}; "" before. */
    public String statusLine() {
        return statusLine;
    }

    public boolean isReading() {
        return reader.isAlive();
    }

    public String url() {
        return url;
    }

    @Override
    public void close() {
        closing = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "Listener[" + url + ", " + statusLine + ", " + bytes.get() + " bytes"
                + (failure != null && !closing ? ", failed: " + failure : "") + "]";
    }

    private void readLoop() {
        byte[] buffer = new byte[8192];
        StringBuilder head = new StringBuilder();
        try (InputStream in = socket.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (statusLine.isEmpty()) {
                    head.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                    int eol = head.indexOf("\r\n");
                    if (eol >= 0) {
                        statusLine = head.substring(0, eol);
                    }
                }
                bytes.addAndGet(n);
            }
        } catch (IOException e) {
            if (!closing) {
                failure = e;
            }
        }
    }
}
