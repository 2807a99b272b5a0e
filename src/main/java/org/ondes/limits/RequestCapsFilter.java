package org.ondes.limits;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Refuses a request whose declared {@code Content-Length} is over its cap before any of the body is read (and before
 * a client that sent {@code Expect: 100-continue} is told to send it). Bodies without a length are capped while they
 * are read ({@link OversizedBodyHandler}, and the YP endpoint's own check). Runs right after the security-headers
 * filter, so refusals carry those headers too.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class RequestCapsFilter implements Ordered {
    private final RequestCaps caps;

    RequestCapsFilter(RequestCaps caps) {
        this.caps = caps;
    }

    @RequestFilter
    @Nullable
    MutableHttpResponse<?> check(HttpRequest<?> request) {
        long length = request.getContentLength();
        return length < 0 ? null : caps.refusal(request, length);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.after();
    }
}
