package org.ondes.federation.signatures;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import org.ondes.testkit.StubResponses;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A minimal ActivityPub actor on a JDK HttpServer (127.0.0.1), standing in for Ondes in the signature interop test:
 * it serves a Service actor with an {@link RsaKeys} PEM and a WebFinger answer, and checks every signed request it
 * gets with {@link HttpVerifier}, resolving remote keys by fetching their {@code keyId} with a plain JDK client.
 * Inbox POSTs are answered 202 when verified and 401 otherwise, and so are signed GETs of the actor (like a server
 * in authorized-fetch mode; unsigned GETs get the document), so double-knocking senders fall back to draft-cavage.
 */
public final class StubActor implements AutoCloseable {

    /** One request the stub received, with the verifier's verdict ({@code null} when it carried no signature). */
    record Received(String method, String target, RequestHeaders headers, String body, Verification verdict,
                    int status) {
        boolean rfc9421() {
            return headers.has("Signature-Input");
        }
    }

    private static final JsonMapper JSON = JsonMapper.createDefault();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final KeyPair keys = RsaKeys.generate();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final HttpVerifier verifier;
    private final Map<String, ActorKey> keyCache = new ConcurrentHashMap<>();
    private final List<Received> inbox = new CopyOnWriteArrayList<>();
    private final List<Received> actorGets = new CopyOnWriteArrayList<>();
    private final List<Received> signed = new CopyOnWriteArrayList<>();

    /** A stub verifying with {@code new HttpVerifier}, or with {@code HttpVerifier.draftCavageOnly}. */
    public StubActor(boolean acceptRfc9421) throws IOException {
        verifier = acceptRfc9421 ? new HttpVerifier(this::resolve, Clock.systemUTC())
                : HttpVerifier.draftCavageOnly(this::resolve, Clock.systemUTC());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/actor", this::actor);
        server.createContext("/inbox", this::inbox);
        server.createContext("/.well-known/webfinger", this::webfinger);
        server.start();
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String actorId() {
        return base() + "/actor";
    }

    public SigningKey signingKey() {
        return new SigningKey(actorId() + "#main-key", keys.getPrivate());
    }

    List<Received> inbox() {
        return List.copyOf(inbox);
    }

    List<Received> actorGets() {
        return List.copyOf(actorGets);
    }

    /** Every signed request (inbox POSTs and actor GETs), in arrival order. */
    List<Received> signedRequests() {
        return List.copyOf(signed);
    }

    private void actor(HttpExchange exchange) throws IOException {
        Received request = read(exchange, false);
        actorGets.add(request);
        if (request.status() == 401) {
            StubResponses.send(exchange, 401, "text/plain", ((Verification.Refused) request.verdict()).message());
            return;
        }
        Map<String, Object> document = Map.of(
                "@context", List.of("https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"),
                "id", actorId(),
                "type", "Service",
                "preferredUsername", "stub",
                "inbox", base() + "/inbox",
                "publicKey", Map.of("id", actorId() + "#main-key", "owner", actorId(),
                        "publicKeyPem", RsaKeys.publicKeyPem(keys.getPublic())));
        StubResponses.send(exchange, 200, "application/activity+json", JSON.writeValueAsString(document));
    }

    private void inbox(HttpExchange exchange) throws IOException {
        Received request = read(exchange, true);
        inbox.add(request);
        StubResponses.send(exchange, request.status(), "text/plain", request.verdict() == null ? "not signed"
                : request.verdict() instanceof Verification.Refused refused ? refused.message() : "");
    }

    private void webfinger(HttpExchange exchange) throws IOException {
        String host = base().substring("http://".length());
        Map<String, Object> jrd = Map.of("subject", "acct:stub@" + host, "links", List.of(Map.of(
                "rel", "self", "type", "application/activity+json", "href", actorId())));
        StubResponses.send(exchange, 200, "application/jrd+json", JSON.writeValueAsString(jrd));
    }

    /** Reads the request and verifies it: inbox requests that do not verify get 401, and so do signed GETs. */
    private Received read(HttpExchange exchange, boolean inboxRequest) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        URI uri = exchange.getRequestURI();
        String target = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
        RequestHeaders headers = RequestHeaders.of(exchange.getRequestHeaders());
        boolean signed = headers.has("Signature") || headers.has("Signature-Input");
        Verification verdict = signed
                ? verifier.verify(new ReceivedRequest(exchange.getRequestMethod(), target, headers, body, "http")) : null;
        boolean verified = verdict instanceof Verification.Verified;
        int status = verified ? (inboxRequest ? 202 : 200) : (inboxRequest || signed ? 401 : 200);
        Received received = new Received(exchange.getRequestMethod(), target, headers,
                new String(body, StandardCharsets.UTF_8), verdict, status);
        if (signed) {
            this.signed.add(received);
        }
        return received;
    }

    /** Resolves a remote keyId by fetching it (cached unless {@code refetch}). */
    private Optional<ActorKey> resolve(String keyId, boolean refetch) {
        if (!refetch && keyCache.containsKey(keyId)) {
            return Optional.of(keyCache.get(keyId));
        }
        try {
            URI uri = URI.create(keyId);
            URI document = new URI(uri.getScheme(), uri.getSchemeSpecificPart(), null);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(document)
                    .header("Accept", "application/activity+json").timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            Map<String, Object> actor = JSON.readValue(response.body(), Argument.mapOf(String.class, Object.class));
            Object publicKey = actor.get("publicKey");
            for (Object candidate : publicKey instanceof List<?> list ? list : List.of(publicKey)) {
                if (candidate instanceof Map<?, ?> key && keyId.equals(key.get("id"))) {
                    ActorKey resolved = new ActorKey(RsaKeys.parsePublicKey((String) key.get("publicKeyPem")),
                            (String) key.get("owner"));
                    keyCache.put(keyId, resolved);
                    return Optional.of(resolved);
                }
            }
            return Optional.empty();
        } catch (IOException | InvalidKeyException | java.net.URISyntaxException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
