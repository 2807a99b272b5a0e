package org.ondes.testkit;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A small HTTP client for tests against a running Ondes: JSON API calls and raw YP requests with their wire bytes. */
public final class OndesApi {
    private static final JsonMapper JSON = JsonMapper.createDefault();
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public OndesApi(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public OndesApi(int port) {
        this("http://127.0.0.1:" + port);
    }

    public record Response(int status, String contentType, String body, Map<String, List<String>> headers) {
        public Response(int status, String contentType, String body) {
            this(status, contentType, body, Map.of());
        }

        /** The first value of a response header (names compared without case), or null. */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        public Map<String, Object> json() {
            return OndesApi.json(body);
        }

        public List<Object> jsonList() {
            try {
                return JSON.readValue(body, Argument.listOf(Object.class));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A signed-up user with a login token and one YP token. */
    public record User(String username, String bearer, long tokenId, String ypUrl) {
        public String ypToken() {
            return ypUrl.substring(ypUrl.lastIndexOf('/') + 1);
        }
    }

    public Response send(String method, String path, String bearer, String jsonBody) {
        return send(method, path, bearer, jsonBody, Map.of());
    }

    /** As {@link #send(String, String, String, String)} with extra request headers (e.g. X-Forwarded-For). */
    public Response send(String method, String path, String bearer, String jsonBody, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        headers.forEach(b::header);
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        if (jsonBody != null) {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(),
                    r.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response get(String path, String bearer) {
        return send("GET", path, bearer, null);
    }

    /** Registers a fresh user, signs in and creates one YP token. */
    public User newUser() {
        String name = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String password = "correct horse battery";
        Response reg = send("POST", "/api/v1/accounts", null, "{\"username\":\"" + name + "\",\"password\":\"" + password + "\"}");
        if (reg.status() != 201) {
            throw new AssertionError("sign-up failed: " + reg);
        }
        String bearer = login(name, password);
        Response token = send("POST", "/api/v1/me/yp-tokens", bearer, "{\"label\":\"studio\"}");
        if (token.status() != 201) {
            throw new AssertionError("token creation failed: " + token);
        }
        Map<String, Object> t = token.json();
        return new User(name, bearer, ((Number) t.get("id")).longValue(), (String) t.get("ypUrl"));
    }

    public String login(String username, String password) {
        Response login = send("POST", "/login", null, "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        if (login.status() != 200) {
            throw new AssertionError("login failed: " + login);
        }
        return (String) login.json().get("access_token");
    }

    /** The catalog entry offering this listen URL in {@code GET /api/v1/streams}, or null when it is not listed. */
    public Map<String, Object> listedStream(String listenUrl) {
        for (Object o : (List<?>) get("/api/v1/streams?limit=500", null).json().get("items")) {
            Map<String, Object> m = castMap(o);
            if (((List<?>) m.get("listenUrls")).contains(listenUrl)) {
                return m;
            }
        }
        return null;
    }

    /** The owner's live (not ended) session with this listen URL from {@code GET /api/v1/me/stations}, or null. */
    public Map<String, Object> ownSession(String bearer, String listenUrl) {
        for (Object st : get("/api/v1/me/stations", bearer).jsonList()) {
            for (Object s : (List<?>) castMap(st).get("sessions")) {
                Map<String, Object> m = castMap(s);
                if (listenUrl.equals(m.get("listenUrl")) && !"ended".equals(m.get("state"))) {
                    return m;
                }
            }
        }
        return null;
    }

    /** Polls the catalog entry of a listen URL until {@code ok} holds (touch-driven fields arrive within a second). */
    public Map<String, Object> awaitListed(String listenUrl, java.util.function.Predicate<Map<String, Object>> ok) {
        return Await.until(java.time.Duration.ofSeconds(20), () -> listedStream(listenUrl), m -> m != null && ok.test(m),
                () -> "catalog: " + get("/api/v1/streams?limit=500", null).body());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    /** POSTs a raw YP body over a plain socket and returns the raw response head (status line + headers, CRLFs kept). */
    public String ypRaw(String token, byte[] body) {
        return ypRaw(token, body, Map.of());
    }

    /** As {@link #ypRaw(String, byte[])} with extra request headers, e.g. the X-Forwarded-For of a proxy. */
    public String ypRaw(String token, byte[] body, Map<String, String> headers) {
        URI uri = URI.create(base);
        try (Socket s = new Socket(uri.getHost(), uri.getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            String head = "POST /api/icecast/yp/" + token + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nUser-Agent: Icecast 2.4.4\r\nAccept: */*\r\nContent-Length: " + body.length
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nConnection: close\r\n"
                    + headers.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue() + "\r\n")
                    .collect(java.util.stream.Collectors.joining()) + "\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = s.getInputStream();
            String all = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            int end = all.indexOf("\r\n\r\n");
            return end < 0 ? all : all.substring(0, end + 2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, Object> json(String body) {
        try {
            return JSON.readValue(body, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }
}
