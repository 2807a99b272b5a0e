package org.ondes.site;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.core.annotation.Nullable;

/**
 * Cache headers of /static/: a URL carrying the current version ({@code ?v=}) never changes, so it is cached for a
 * year ({@code immutable}); any other (the modules that an entry point imports by relative URL) is revalidated on
 * each use against an ETag made of the version, and answered 304 while the build is the same.
 */
@ServerFilter("/static/**")
class StaticAssetsFilter {
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";

    private final StaticAssets assets;

    StaticAssetsFilter(StaticAssets assets) {
        this.assets = assets;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> notModified(HttpRequest<?> request) {
        String inm = request.getHeaders().get(HttpHeaders.IF_NONE_MATCH);
        if (inm != null && inm.contains(etag())) {
            return HttpResponse.status(HttpStatus.NOT_MODIFIED).header(HttpHeaders.ETAG, etag())
                    .header(HttpHeaders.CACHE_CONTROL, cacheControl(request));
        }
        return null;
    }

    @ResponseFilter
    void cacheHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.code() == HttpStatus.OK.getCode()) {
            response.getHeaders().set(HttpHeaders.CACHE_CONTROL, cacheControl(request));
            response.getHeaders().set(HttpHeaders.ETAG, etag());
        }
    }

    private String cacheControl(HttpRequest<?> request) {
        return assets.version().equals(request.getParameters().get("v")) ? IMMUTABLE : REVALIDATE;
    }

    private String etag() {
        return "\"" + assets.version() + "\"";
    }
}
