package org.ondes.limits;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;

/**
 * A cap on request bodies below the server-wide one ({@code micronaut.server.max-request-size}, 1 MiB), declared by
 * the capability that owns the requests and answered in its clients' protocol: Icecast must get a YP reply, a browser
 * an HTML page. Requests no cap covers get the server-wide cap and a 413 problem+json. The first cap (by
 * {@link Ordered}) that covers a request applies.
 */
public interface RequestCap extends Ordered {
    /** Whether this cap governs {@code request} (by its path, its content type). */
    boolean covers(HttpRequest<?> request);

    /** The most body bytes a covered request may carry. */
    long maxBytes();

    /** The answer to a covered request whose body is larger. */
    MutableHttpResponse<?> refuse(HttpRequest<?> request);
}
