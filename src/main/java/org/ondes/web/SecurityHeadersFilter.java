package org.ondes.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Security headers on every response: {@code X-Content-Type-Options: nosniff} and a {@code Referrer-Policy}; HTML
 * responses also get the page {@link ContentSecurityPolicy} and {@code X-Frame-Options: DENY}, unless the controller
 * set a policy of its own (the embeddable player, which must be frameable). Runs first, so its response part sees the
 * rendered view's content type.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class SecurityHeadersFilter implements Ordered {
    static final String CSP = "Content-Security-Policy";
    static final String REFERRER_POLICY = "strict-origin-when-cross-origin";

    @ResponseFilter
    void addHeaders(MutableHttpResponse<?> response) {
        HttpHeaders headers = response.getHeaders();
        if (!headers.contains("X-Content-Type-Options")) {
            response.header("X-Content-Type-Options", "nosniff");
        }
        if (!headers.contains("Referrer-Policy")) {
            response.header("Referrer-Policy", REFERRER_POLICY);
        }
        boolean html = response.getContentType().map(t -> t.matches(MediaType.TEXT_HTML_TYPE)).orElse(false);
        if (html && !headers.contains(CSP)) {
            response.header(CSP, ContentSecurityPolicy.PAGE);
            response.header("X-Frame-Options", "DENY");
        }
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }
}
