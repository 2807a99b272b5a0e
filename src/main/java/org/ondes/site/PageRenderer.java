package org.ondes.site;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import jakarta.inject.Singleton;
import org.ondes.config.PublicUrls;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The one way pages are answered: the Thymeleaf view gets {@code page} (the page's record) and {@code site} (the
 * shell, with the signed-in viewer), and is rendered completely before the response starts, so a rendering failure is
 * an ordinary 500 rather than a response cut off half-way. Pages are HTML and revalidated on every visit (they show
 * what is live); a page rendered for a signed-in account (its name, its CSRF token, its stations) is never stored by
 * any cache.
 */
@Singleton
public class PageRenderer {
    /** Cache-Control of pages that carry an account's data or a CSRF token. */
    public static final String PRIVATE = "private, no-store";
    static final String PUBLIC = "no-cache";

    private final ThymeleafViewsRenderer<Map<String, Object>> views;
    private final StaticAssets assets;
    private final PublicUrls urls;

    PageRenderer(ThymeleafViewsRenderer<Map<String, Object>> views, StaticAssets assets, PublicUrls urls) {
        this.views = views;
        this.assets = assets;
        this.urls = urls;
    }

    public MutableHttpResponse<String> html(HttpStatus status, String view, Object page, HttpRequest<?> request) {
        return html(status, view, view, page, request);
    }

    /** As {@link #html(HttpStatus, String, Object, HttpRequest)}, for a view that serves pages of several names. */
    public MutableHttpResponse<String> html(HttpStatus status, String view, String name, Object page, HttpRequest<?> request) {
        Viewer viewer = Viewer.of(request).orElse(null);
        StringWriter out = new StringWriter(16 * 1024);
        try {
            views.render(view, Map.of("page", page, "site", new SiteShell(assets, name, viewer)), request).writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.<String>status(status).body(out.toString())
                .contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8")
                .header(HttpHeaders.CACHE_CONTROL, viewer == null ? PUBLIC : PRIVATE);
    }

    /** A page that only says what went wrong (not found, not allowed), as HTML with {@code status}. */
    public MutableHttpResponse<String> error(HttpStatus status, String heading, String message, HttpRequest<?> request) {
        ErrorPage page = new ErrorPage(PageMeta.of(heading + " · Ondes", message, urls.of(request.getPath()), "website"),
                heading, message);
        return html(status, "error", page, request);
    }

    /** The 403 page of a signed-in account that lacks the role a page needs. */
    public MutableHttpResponse<String> forbidden(HttpRequest<?> request, String message) {
        return error(HttpStatus.FORBIDDEN, "Not allowed", message, request);
    }

    /** 303 to the sign-in form, which comes back to {@code next} (a path of this instance) once signed in. */
    public static MutableHttpResponse<String> signInFirst(String next) {
        return HttpResponse.seeOther(URI.create(SiteShell.SIGN_IN + "?next="
                + URLEncoder.encode(next, StandardCharsets.UTF_8).replace("%2F", "/")));
    }

    /** 303 to a page of this instance (the answer to a form post that worked). */
    public static MutableHttpResponse<String> seeOther(String path) {
        return HttpResponse.seeOther(URI.create(path));
    }

    /** An absolute URL of this instance ({@code ONDES_PUBLIC_URL}) for a page's meta tags. */
    public String absolute(String path) {
        return urls.of(path);
    }
}
