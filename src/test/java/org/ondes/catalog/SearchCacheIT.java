package org.ondes.catalog;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.testkit.Await;
import org.ondes.testkit.FakeIcecastMount;
import org.ondes.testkit.IcecastWire;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.TestDb;
import org.ondes.testkit.YpReplyHead;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search cache as a listener sees it (a long TTL here, so the order of events is deterministic): repeated searches
 * reuse one rendered page, a changed catalog may be served stale for at most the TTL, and a reload
 * ({@code Cache-Control: no-cache}) always gets the current state and refreshes what others get.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchCacheIT implements TestPropertyProvider {
    @Inject
    EmbeddedServer server;
    @Inject
    SearchCache cache;

    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(TestDb.properties());
        p.put("ondes.catalog.search-cache-seconds", "60");
        return p;
    }

    private HttpResponse<String> get(String query, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/api/v1/streams?" + query));
        if (headers.length > 0) {
            b.headers(headers);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<?> items(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return (List<?>) OndesApi.json(r.body()).get("items");
    }

    @Test
    void searchesAreReusedUntilTheTtlAndAReloadAlwaysSeesTheCurrentCatalog() throws Exception {
        OndesApi api = new OndesApi(server.getPort());
        OndesApi.User user = api.newUser();
        try (FakeIcecastMount mount = new FakeIcecastMount()) {
            String query = "genre=cachetest&order=name";
            HttpResponse<String> before = get(query);
            assertEquals(List.of(), items(before));
            long hits = cache.hits();
            assertEquals(before.body(), get(query).body());
            assertEquals(hits + 1, cache.hits(), "the same search again is served from the cache");

            String body = "action=add&sn=Cache%20Radio&genre=cachetest&cpswd=&desc=&url=&listenurl="
                    + IcecastWire.esc(mount.url("/cache.mp3")) + "&type=audio/mpeg&stype=&b=128&\r\n";
            assertTrue(YpReplyHead.parse(api.ypRaw(user.ypToken(), IcecastWire.raw(body))).ok());
            Await.until(Duration.ofSeconds(20), () -> items(get(query + "&limit=49", "Cache-Control", "no-cache")),
                    l -> l.size() == 1, () -> "never listed");

            HttpResponse<String> stale = get(query);
            assertEquals(List.of(), items(stale), "within the TTL the earlier page may still be served");
            assertEquals(before.headers().firstValue("ETag"), stale.headers().firstValue("ETag"),
                    "and it keeps the ETag of the catalog version it shows");

            HttpResponse<String> reload = get(query, "Cache-Control", "no-cache");
            assertEquals(1, items(reload).size(), "a reload computes the current page");
            assertEquals(1, items(get(query)).size(), "and refreshes what every later request gets");
            assertEquals(reload.headers().firstValue("ETag"), get(query).headers().firstValue("ETag"));
        }
    }

    @Test
    void anUnseededShuffleIsNeverStored() {
        int size = cache.size();
        for (int i = 0; i < 5; i++) {
            assertEquals(200, get("order=random").statusCode());
        }
        assertEquals(size, cache.size());
    }
}
