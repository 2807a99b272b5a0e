package org.ondes.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.ondes.config.Secrets;

@Singleton
@Produces
@Requires(classes = {ProblemException.class, ExceptionHandler.class})
class ProblemExceptionHandler implements ExceptionHandler<ProblemException, HttpResponse<Problem>> {
    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ProblemException e) {
        Problem body = new Problem("about:blank", e.title(), e.status().getCode(), e.getMessage(), Secrets.scrub(request.getPath()), e.errors());
        MutableHttpResponse<Problem> response = HttpResponse.<Problem>status(e.status()).body(body)
                .contentType(MediaType.of(Problem.MEDIA_TYPE));
        if (e.retryAfter() != null) {
            long seconds = (e.retryAfter().toMillis() + 999) / 1000;
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, seconds)));
        }
        return response;
    }
}
