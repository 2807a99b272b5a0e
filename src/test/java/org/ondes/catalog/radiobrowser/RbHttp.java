package org.ondes.catalog.radiobrowser;

import org.ondes.testkit.OndesApi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Raw HTTP for the radio-browser tests: any method, body and media type, with the response headers kept. */
final class RbHttp {
    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();

    RbHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    HttpResponse<String> send(String method, String path, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static OndesApi.Response response(HttpResponse<String> r) {
        return new OndesApi.Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(List<Object> list) {
        List<Map<String, Object>> out = new ArrayList<>();
        list.forEach(o -> out.add((Map<String, Object>) o));
        return out;
    }

    static List<String> names(List<Map<String, Object>> stations) {
        return stations.stream().map(s -> (String) s.get("name")).toList();
    }

    static List<String> names(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        return names(maps(response(r).jsonList()));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A problem+json answer with this status whose first error names {@code parameter}. */
    static void assertProblem(OndesApi.Response r, int status, String parameter) {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        Object errors = r.json().get("errors");
        assertTrue(errors instanceof List<?> l && !l.isEmpty(), r.body());
        assertEquals(parameter, ((Map<?, ?>) ((List<?>) errors).get(0)).get("name"), r.body());
    }
}
