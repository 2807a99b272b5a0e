package org.ondes.limits;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.ContentLengthExceededHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * A body that turned out larger than the server-wide cap while it was read (chunked, or a form with too many fields):
 * the request's own cap answers, so Icecast still gets a YP reply instead of Micronaut's 413 without YP headers
 * (which it would count as a failed add and wait 2 hours).
 */
@Singleton
@Produces
@Replaces(ContentLengthExceededHandler.class)
class OversizedBodyHandler implements ExceptionHandler<ContentLengthExceededException, HttpResponse<?>> {
    private final RequestCaps caps;

    OversizedBodyHandler(RequestCaps caps) {
        this.caps = caps;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ContentLengthExceededException exception) {
        return caps.overflowed(request);
    }
}
