package org.ondes.site;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The one way pages are answered: the Thymeleaf view gets {@code page} (the page's record) and {@code site} (the
 * shell), and is rendered completely before the response starts, so a rendering failure is an ordinary 500 rather
 * than a response cut off half-way. Pages are HTML and revalidated on every visit (they show what is live).
 */
@Singleton
class PageRenderer {
    private final ThymeleafViewsRenderer<Map<String, Object>> views;
    private final StaticAssets assets;

    PageRenderer(ThymeleafViewsRenderer<Map<String, Object>> views, StaticAssets assets) {
        this.views = views;
        this.assets = assets;
    }

    MutableHttpResponse<String> html(HttpStatus status, String view, Object page, HttpRequest<?> request) {
        StringWriter out = new StringWriter(16 * 1024);
        try {
            views.render(view, Map.of("page", page, "site", new SiteShell(assets, view)), request).writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.<String>status(status).body(out.toString())
                .contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8")
                .header(HttpHeaders.CACHE_CONTROL, "no-cache");
    }
}
