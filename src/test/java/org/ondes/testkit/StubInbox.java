package org.ondes.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stub ActivityPub inbox server on 127.0.0.1 (the JDK's HttpServer): records every request it gets, with the raw
 * request target, headers and body bytes, and answers as a {@link Responder} says, optionally after a delay. Each
 * instance is one receiving host (its own port).
 */
public final class StubInbox implements AutoCloseable {

    /**
     * One request as received; {@code atNanos} is {@link System#nanoTime()} once the body was read, {@code clientPort}
     * the sender's port (the same on one connection).
     */
    public record Received(String method, String requestTarget, Map<String, List<String>> headers, byte[] body,
                           long atNanos, int clientPort) {
        public String path() {
            int q = requestTarget.indexOf('?');
            return q < 0 ? requestTarget : requestTarget.substring(0, q);
        }

        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return method + " " + requestTarget + " (" + body.length + " bytes)";
        }
    }

    /** What to answer; {@code delayMillis} is waited before answering. */
    public record Answer(int status, long delayMillis, String body) {
        public static Answer of(int status) {
            return new Answer(status, 0, "");
        }
    }

    /** Decides the answer to the {@code nth} request (1 for the first) on {@code path}. */
    @FunctionalInterface
    public interface Responder {
        Answer answer(String path, int nth);
    }

    private final HttpServer server;
    private final ExecutorService ownExecutor;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> perPath = new ConcurrentHashMap<>();

    private StubInbox(HttpServer server, ExecutorService ownExecutor) {
        this.server = server;
        this.ownExecutor = ownExecutor;
    }

    /** A stub answering every request with {@code status}. */
    public static StubInbox answering(int status) {
        return start((path, nth) -> Answer.of(status));
    }

    public static StubInbox start(Responder responder) {
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "stub-inbox");
            t.setDaemon(true);
            return t;
        });
        return start(responder, executor, executor);
    }

    /** A stub whose handlers run on {@code executor} (shared by many stubs, closed by the caller). */
    public static StubInbox start(Responder responder, java.util.concurrent.Executor executor) {
        return start(responder, executor, null);
    }

    private static StubInbox start(Responder responder, java.util.concurrent.Executor executor, ExecutorService own) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a stub inbox", e);
        }
        StubInbox stub = new StubInbox(server, own);
        server.createContext("/", exchange -> stub.handle(exchange, responder));
        server.setExecutor(executor);
        server.start();
        return stub;
    }

    private void handle(HttpExchange exchange, Responder responder) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
            Received r = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()),
                    Map.copyOf(headers), body, System.nanoTime(), exchange.getRemoteAddress().getPort());
            received.add(r);
            int nth = perPath.computeIfAbsent(r.path(), p -> new AtomicInteger()).incrementAndGet();
            Answer answer = responder.answer(r.path(), nth);
            if (answer.delayMillis() > 0) {
                Thread.sleep(answer.delayMillis());
            }
            StubResponses.send(exchange, answer.status(), "text/plain; charset=utf-8", answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The absolute URL of {@code path} (with any query) on this stub. */
    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** The host as a delivery queue names it: {@code 127.0.0.1:<port>}. */
    public String host() {
        return "127.0.0.1:" + port();
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    public List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Requests received so far, on every path. */
    public int count() {
        return received.size();
    }

    @Override
    public void close() {
        server.stop(0);
        if (ownExecutor != null) {
            ownExecutor.shutdownNow();
        }
    }
}
