package org.ondes.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.json.JsonMapper;
import org.ondes.federation.signatures.HttpSigner;
import org.ondes.federation.signatures.RsaKeys;
import org.ondes.federation.signatures.SigningKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in for another Ondes instance on a loopback address (a JDK HttpServer): an instance actor at {@code /actor},
 * station actors at {@code /stations/<name>}, each with its own RSA key, the Audio objects a test puts at
 * {@code /live/<id>} (404 otherwise, as for an ended session), and inboxes that take anything with 202. It signs the
 * activities it posts to an Ondes inbox with the sending actor's key, as a real publishing instance does, and keeps
 * the paths of every GET it was asked for, so a test sees whether Ondes fetched an object again.
 */
public final class StubOndes implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.createDefault();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "stub-ondes");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, KeyPair> keys = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> objects = new ConcurrentHashMap<>();
    private final List<String> gets = new CopyOnWriteArrayList<>();
    private final String address;

    /** A stub bound to {@code address} (127.0.0.1, or another loopback address such as 127.0.0.2). */
    public StubOndes(String address) {
        this.address = address;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a stub Ondes instance", e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public String host() {
        return address + ":" + server.getAddress().getPort();
    }

    public String base() {
        return "http://" + host();
    }

    public String instanceActor() {
        return base() + "/actor";
    }

    public String station(String name) {
        return base() + "/stations/" + name;
    }

    /** A new Audio object id on this instance. */
    public String newObjectId() {
        return base() + "/live/" + UUID.randomUUID();
    }

    /** Serves {@code doc} at {@code id} (an URL on this stub) from now on. */
    public void serve(String id, Map<String, Object> doc) {
        objects.put(URI.create(id).getRawPath(), doc);
    }

    public void unserve(String id) {
        objects.remove(URI.create(id).getRawPath());
    }

    /** The paths of the GETs received so far. */
    public List<String> gets() {
        return List.copyOf(gets);
    }

    /** An Audio object as an Ondes instance publishes it (docs/federation.md), attributed to {@code station}. */
    public static Map<String, Object> audio(String id, String station, String name, String listenUrl, String nowPlaying,
                                            int refreshInterval) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@context", List.of("https://www.w3.org/ns/activitystreams", Map.of("ondes", "https://w3id.org/ondes#",
                "nowPlaying", "ondes:nowPlaying", "listeners", "ondes:listeners",
                "refreshInterval", "ondes:refreshInterval")));
        doc.put("id", id);
        doc.put("type", "Audio");
        doc.put("attributedTo", station);
        doc.put("name", name);
        doc.put("url", List.of(Map.of("type", "Link", "href", listenUrl, "mediaType", "audio/ogg", "rel", "alternate"),
                Map.of("type", "Link", "href", station, "mediaType", "text/html")));
        doc.put("tag", List.of(Map.of("type", "Hashtag", "name", "#jazz")));
        doc.put("isLiveBroadcast", true);
        doc.put("startTime", Instant.now().minusSeconds(60).toString());
        doc.put("codec", "Vorbis");
        doc.put("bitrate", 128);
        doc.put("listeners", 7);
        if (nowPlaying != null) {
            doc.put("nowPlaying", nowPlaying);
        }
        doc.put("refreshInterval", refreshInterval);
        doc.put("to", List.of("https://www.w3.org/ns/activitystreams#Public"));
        return doc;
    }

    /** An activity by {@code actor} with a fresh id on this stub. */
    public Map<String, Object> activity(String type, String actor, Object object) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("@context", "https://www.w3.org/ns/activitystreams");
        a.put("id", base() + "/activities/" + UUID.randomUUID());
        a.put("type", type);
        a.put("actor", actor);
        a.put("object", object);
        a.put("to", List.of("https://www.w3.org/ns/activitystreams#Public"));
        return a;
    }

    /** POSTs {@code activity} to {@code inboxUrl}, signed (draft-cavage) with the key of its actor; the status. */
    public int post(String inboxUrl, Map<String, Object> activity) {
        String actor = (String) activity.get("actor");
        try {
            byte[] body = JSON.writeValueAsBytes(activity);
            URI uri = URI.create(inboxUrl);
            Map<String, String> headers = new HttpSigner(Clock.systemUTC()).post(uri, "application/activity+json", body,
                    new SigningKey(actor + "#main-key", key(actor).getPrivate())).headers();
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(b::setHeader);
            return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private KeyPair key(String actor) {
        return keys.computeIfAbsent(actor, a -> RsaKeys.generate());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            if (!exchange.getRequestMethod().equals("GET")) {
                StubResponses.send(exchange, path.endsWith("/inbox") ? 202 : 405, "text/plain", "");
                return;
            }
            gets.add(path);
            Map<String, Object> doc = path.equals("/actor") ? actor(instanceActor(), "Application", "instance")
                    : path.startsWith("/stations/") && !path.substring(10).contains("/")
                    ? actor(base() + path, "Service", path.substring(10)) : objects.get(path);
            if (doc == null) {
                StubResponses.send(exchange, 404, "text/plain", "");
            } else {
                StubResponses.send(exchange, 200, "application/activity+json", JSON.writeValueAsString(doc));
            }
        }
    }

    private Map<String, Object> actor(String id, String type, String username) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@context", List.of("https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"));
        doc.put("id", id);
        doc.put("type", type);
        doc.put("preferredUsername", username);
        doc.put("inbox", id + "/inbox");
        doc.put("endpoints", Map.of("sharedInbox", base() + "/inbox"));
        doc.put("publicKey", Map.of("id", id + "#main-key", "owner", id,
                "publicKeyPem", RsaKeys.publicKeyPem(key(id).getPublic())));
        return doc;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
