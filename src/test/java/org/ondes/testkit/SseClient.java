package org.ondes.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A Server-Sent Events client for tests: opens a stream with the JDK HttpClient, parses it on a background thread the
 * way a browser's EventSource does (fields, multi-line data, comments, blank-line dispatch) and keeps everything it
 * received, so tests can wait for an event without consuming others.
 */
public final class SseClient implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A dispatched event: {@code id} is null when the frame had no id field. */
    public record Message(String id, String event, String data) {
        public Map<String, Object> json() {
            return OndesApi.json(data);
        }

        public long idAsLong() {
            return Long.parseLong(id);
        }
    }

    private final HttpResponse<InputStream> response;
    private final List<Message> messages = new ArrayList<>();
    private final List<String> comments = new ArrayList<>();
    private final Thread reader;
    private volatile Throwable failure;
    private volatile boolean ended;

    private SseClient(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-test-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens {@code base + pathAndQuery}; returns once the response head is in. Headers are name, value pairs. */
    public static SseClient open(String base, String pathAndQuery, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return new SseClient(HTTP.send(b.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String event = null;
            StringBuilder data = null;
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data != null) {
                        synchronized (this) {
                            messages.add(new Message(id, event == null ? "message" : event, data.toString()));
                        }
                    }
                    id = null;
                    event = null;
                    data = null;
                    continue;
                }
                if (line.startsWith(":")) {
                    synchronized (this) {
                        comments.add(line.substring(1).strip());
                    }
                    continue;
                }
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                switch (field) {
                    case "id" -> id = value;
                    case "event" -> event = value;
                    case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                    default -> {
                        // retry and unknown fields
                    }
                }
            }
        } catch (IOException e) {
            failure = e;
        } finally {
            ended = true;
        }
    }

    public synchronized List<Message> messages() {
        return List.copyOf(messages);
    }

    public synchronized List<Message> messages(String event) {
        return messages.stream().filter(m -> m.event().equals(event)).toList();
    }

    public synchronized List<String> comments() {
        return List.copyOf(comments);
    }

    /** Waits for the first received event that matches (also one received earlier) and returns it. */
    public Message await(Duration timeout, Predicate<Message> match) {
        return Await.until(timeout, () -> {
            synchronized (this) {
                return messages.stream().filter(match).findFirst().orElse(null);
            }
        }, m -> m != null, () -> "received: " + messages() + (ended ? " (stream ended: " + failure + ")" : ""));
    }

    /** Waits for the first event of this type whose data mentions {@code text}. */
    public Message await(Duration timeout, String event, String text) {
        return await(timeout, m -> m.event().equals(event) && m.data().contains(text));
    }

    public boolean ended() {
        return ended;
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // already gone
        }
        reader.interrupt();
    }
}
