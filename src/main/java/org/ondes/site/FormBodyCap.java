package org.ondes.site;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import org.ondes.limits.RequestCap;
import org.ondes.limits.Sizes;

/**
 * The pages' form posts (sign-in, profile, tokens, moderation) are capped at 64 KiB, far above the longest profile,
 * and an oversized one gets an HTML page that says so rather than problem+json. The API's form bodies
 * ({@code /api/...}, {@code /json/...}, {@code POST /login}) keep the server-wide cap and problem+json.
 */
@Singleton
class FormBodyCap implements RequestCap {
    static final long MAX_BYTES = 64 * 1024;
    private final PageRenderer pages;

    FormBodyCap(PageRenderer pages) {
        this.pages = pages;
    }

    @Override
    public boolean covers(HttpRequest<?> request) {
        String path = request.getPath();
        if (path.startsWith("/api/") || path.startsWith("/json/") || path.equals("/login")) {
            return false;
        }
        return request.getContentType()
                .map(t -> t.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE) || t.matches(MediaType.MULTIPART_FORM_DATA_TYPE))
                .orElse(false);
    }

    @Override
    public long maxBytes() {
        return MAX_BYTES;
    }

    @Override
    public MutableHttpResponse<?> refuse(HttpRequest<?> request) {
        return pages.error(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "Form too large",
                "The form sent more than " + Sizes.text(MAX_BYTES) + ", the most this site accepts. Shorten what you "
                        + "typed and send it again.", request);
    }
}
