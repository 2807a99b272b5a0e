package org.ondes.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A cookie-keeping HTTP client that behaves like a browser towards Ondes: it stores the cookies Ondes sets (HttpOnly
 * ones too, removing those set with Max-Age=0), sends them back, never follows redirects, and posts HTML forms. It
 * keeps the raw Set-Cookie headers of the last response so tests can check the cookie flags.
 */
public final class CookieClient {
    public static final String PASSWORD = "correct horse battery";
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public CookieClient(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public record Page(int status, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        public String location() {
            return header("Location");
        }

        public List<String> setCookies() {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Set-Cookie"))
                    .flatMap(e -> e.getValue().stream()).toList();
        }

        /** The raw Set-Cookie header for this cookie name, or null. */
        public String setCookie(String name) {
            return setCookies().stream().filter(c -> c.startsWith(name + "=")).findFirst().orElse(null);
        }

        public Map<String, Object> json() {
            return OndesApi.json(body);
        }

        @Override
        public String toString() {
            return status + " " + headers + "\n" + body;
        }
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    public void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    public void forget(String name) {
        cookies.remove(name);
    }

    public Page get(String path) {
        return send("GET", path, null, null, Map.of());
    }

    /** Sends a request with this browser's cookies; {@code body} with {@code contentType} when not null. */
    public Page send(String method, String path, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        if (!cookies.isEmpty()) {
            b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        headers.forEach(b::header);
        if (body != null) {
            b.header("Content-Type", contentType);
            b.method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            Page page = new Page(r.statusCode(), r.headers().map(), r.body());
            page.setCookies().forEach(this::store);
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends a request over a plain socket, for headers java.net.http refuses to set (Host): a browser on a page of
     * {@code host} talking to Ondes through a reverse proxy that passes the Host header on.
     */
    public Page raw(String method, String path, String host, Map<String, String> headers, String contentType, String body) {
        URI uri = URI.create(base);
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n");
        if (!cookies.isEmpty()) {
            head.append("Cookie: ").append(cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; "))).append("\r\n");
        }
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        if (body != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        head.append("Content-Length: ").append(payload.length).append("\r\n\r\n");
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(payload);
            socket.getOutputStream().flush();
            String all = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = all.indexOf("\r\n\r\n");
            String[] lines = all.substring(0, end).split("\r\n");
            Map<String, List<String>> responseHeaders = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                responseHeaders.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT),
                        k -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
            }
            String responseBody = all.substring(end + 4);
            if ("chunked".equalsIgnoreCase(String.valueOf(responseHeaders.getOrDefault("transfer-encoding", List.of("")).get(0)))) {
                responseBody = unchunk(responseBody);
            }
            Page page = new Page(Integer.parseInt(lines[0].split(" ")[1]), responseHeaders, responseBody);
            page.setCookies().forEach(this::store);
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unchunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int pos = 0;
        while (true) {
            int eol = chunked.indexOf("\r\n", pos);
            int size = Integer.parseInt(chunked.substring(pos, eol).trim(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(chunked, eol + 2, eol + 2 + size);
            pos = eol + 2 + size + 2;
        }
    }

    public Page json(String method, String path, String json, Map<String, String> headers) {
        return send(method, path, json == null ? null : "application/json", json, headers);
    }

    /** Posts an HTML form (application/x-www-form-urlencoded) with these fields, in order. */
    public Page postForm(String path, Map<String, String> fields, Map<String, String> headers) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send("POST", path, "application/x-www-form-urlencoded", body, headers);
    }

    public Page postForm(String path, Map<String, String> fields) {
        return postForm(path, fields, Map.of());
    }

    /** The CSRF token that {@code GET /api/v1/session} hands this browser (setting its pre-session cookie if needed). */
    public String csrf() {
        Page p = get("/api/v1/session");
        if (p.status() != 200) {
            throw new AssertionError("GET /api/v1/session: " + p);
        }
        return (String) p.json().get("csrfToken");
    }

    public Page signUp(String username, String password) {
        return postForm("/signup", form("username", username, "password", password, "_csrf", csrf()));
    }

    public Page signIn(String username, String password) {
        return postForm("/signin", form("username", username, "password", password, "_csrf", csrf()));
    }

    /** Signs up and asserts it worked (303 with a session cookie). */
    public CookieClient signedUp(String username) {
        Page p = signUp(username, PASSWORD);
        if (p.status() != 303 || cookie("ondes_session") == null) {
            throw new AssertionError("sign-up failed: " + p);
        }
        return this;
    }

    public static Map<String, String> form(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private void store(String setCookie) {
        String[] parts = setCookie.split(";");
        int eq = parts[0].indexOf('=');
        String name = parts[0].substring(0, eq).trim();
        String value = parts[0].substring(eq + 1).trim();
        List<String> attributes = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            attributes.add(parts[i].trim().toLowerCase(java.util.Locale.ROOT));
        }
        if (attributes.contains("max-age=0") || value.isEmpty()) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
