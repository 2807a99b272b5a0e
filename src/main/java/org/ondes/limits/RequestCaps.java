package org.ondes.limits;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.OrderUtil;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.HttpServerConfiguration;
import jakarta.inject.Singleton;
import org.ondes.web.Problem;

import java.util.ArrayList;
import java.util.List;

/** The body caps in force: the capabilities' {@link RequestCap}s, then the server-wide cap with a 413 problem+json. */
@Singleton
class RequestCaps {
    private final List<RequestCap> caps;
    private final long serverMax;

    RequestCaps(List<RequestCap> caps, HttpServerConfiguration server) {
        List<RequestCap> sorted = new ArrayList<>(caps);
        OrderUtil.sort(sorted);
        this.caps = List.copyOf(sorted);
        this.serverMax = server.getMaxRequestSize();
    }

    @Nullable
    RequestCap capFor(HttpRequest<?> request) {
        for (RequestCap c : caps) {
            if (c.covers(request)) {
                return c;
            }
        }
        return null;
    }

    /** The answer to {@code request} if a body of {@code length} bytes is over its cap, else null. */
    @Nullable
    MutableHttpResponse<?> refusal(HttpRequest<?> request, long length) {
        RequestCap cap = capFor(request);
        if (cap != null) {
            return length > cap.maxBytes() ? cap.refuse(request) : null;
        }
        return length > serverMax ? tooLarge(request) : null;
    }

    /** The answer to a body that overflowed while it was read (no or a wrong Content-Length). */
    MutableHttpResponse<?> overflowed(HttpRequest<?> request) {
        RequestCap cap = capFor(request);
        return cap != null ? cap.refuse(request) : tooLarge(request);
    }

    private MutableHttpResponse<Problem> tooLarge(HttpRequest<?> request) {
        String detail = "the request body is larger than " + Sizes.text(serverMax) + ", the most this endpoint accepts";
        return HttpResponse.<Problem>status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
                .body(Problem.of(413, "Request body too large", detail, request.getPath()))
                .contentType(MediaType.of(Problem.MEDIA_TYPE));
    }
}
