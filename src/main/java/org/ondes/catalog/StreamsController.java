package org.ondes.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * What is live now: search over live stations (GET /api/v1/streams). Rendered pages are reused through
 * {@link SearchCache}; a request with {@code Cache-Control: no-cache} gets a freshly computed one.
 */
@Controller("/api/v1/streams")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class StreamsController {
    static final int MAX_AGE = 5;

    @Serdeable
    record Page(List<CatalogEntry> items, long total, @Nullable String next) {
    }

    private final Catalog catalog;
    private final SearchCache cache;
    private final JsonMapper json;

    StreamsController(Catalog catalog, SearchCache cache, JsonMapper json) {
        this.catalog = catalog;
        this.cache = cache;
        this.json = json;
    }

    @Get
    MutableHttpResponse<?> search(HttpRequest<?> request) {
        StreamQuery query = StreamQuery.from(request.getParameters());
        String key = query.cacheKey();
        boolean fresh = wantsFresh(request);
        CatalogVersion version = fresh ? catalog.searchVersion() : cache.version(catalog::searchVersion);
        String current = Validators.etag(version.version(), key);
        if (Validators.notModified(request, current, version.changedAt())) {
            return Validators.notModifiedResponse(current, version.changedAt(), MAX_AGE);
        }
        Supplier<SearchCache.Entry> compute = () -> {
            CatalogPage p = catalog.search(query);
            return new SearchCache.Entry(render(p), version, current, System.nanoTime());
        };
        SearchCache.Entry page;
        if (unseededShuffle(request)) {
            page = compute.get(); // a new order on every request: nothing to reuse
        } else {
            if (fresh) {
                cache.forget(key);
            }
            page = cache.get(key, version.version(), compute);
        }
        if (Validators.notModified(request, page.etag(), page.version().changedAt())) {
            return Validators.notModifiedResponse(page.etag(), page.version().changedAt(), MAX_AGE);
        }
        return Validators.decorate(HttpResponse.ok(page.body()).contentType(MediaType.APPLICATION_JSON_TYPE), page.etag(),
                page.version().changedAt(), MAX_AGE);
    }

    private static boolean unseededShuffle(HttpRequest<?> request) {
        return "random".equalsIgnoreCase(request.getParameters().get("order"))
                && request.getParameters().get("seed") == null && request.getParameters().get("cursor") == null;
    }

    /** {@code Cache-Control: no-cache} or {@code max-age=0} (a browser's reload) asks for a freshly computed page. */
    private static boolean wantsFresh(HttpRequest<?> request) {
        String cc = request.getHeaders().get(HttpHeaders.CACHE_CONTROL);
        String pragma = request.getHeaders().get(HttpHeaders.PRAGMA);
        return (cc != null && (cc.contains("no-cache") || cc.contains("max-age=0")))
                || (pragma != null && pragma.contains("no-cache"));
    }

    /**
     * The page as JSON: spliced from the entries' pre-rendered JSON when the index has it (a page costs a copy of
     * bytes instead of serialising 50 entries), which must equal what serialising {@link Page} gives
     * ({@code StreamsControllerTest} pins that).
     */
    byte[] render(CatalogPage p) {
        if (p.itemsJson() == null) {
            try {
                return json.writeValueAsBytes(new Page(p.items(), p.total(), p.next()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        byte[] head = "{\"items\":[".getBytes(StandardCharsets.US_ASCII);
        // cursors are base64url: nothing to escape
        byte[] tail = ("],\"total\":" + p.total() + ",\"next\":" + (p.next() == null ? "null" : "\"" + p.next() + "\"")
                + "}").getBytes(StandardCharsets.US_ASCII);
        List<byte[]> items = p.itemsJson();
        int size = head.length + tail.length + Math.max(0, items.size() - 1);
        for (byte[] item : items) {
            size += item.length;
        }
        byte[] out = new byte[size]; // one exact allocation: this runs thousands of times a second
        int at = head.length;
        System.arraycopy(head, 0, out, 0, at);
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out[at++] = ',';
            }
            System.arraycopy(items.get(i), 0, out, at, items.get(i).length);
            at += items.get(i).length;
        }
        System.arraycopy(tail, 0, out, at, tail.length);
        return out;
    }
}
