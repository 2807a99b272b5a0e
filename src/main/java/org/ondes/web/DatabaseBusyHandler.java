package org.ondes.web;

import io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.ondes.config.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * No database connection within the pool's wait (overload or an outage): a 503 with Retry-After that clients can act
 * on, instead of a 500. (The YP endpoint never gets here: it maps database faults to non-penalising YP replies.)
 */
@Singleton
@Produces
class DatabaseBusyHandler implements ExceptionHandler<CannotGetJdbcConnectionException, HttpResponse<Problem>> {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseBusyHandler.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, CannotGetJdbcConnectionException e) {
        LOG.warn("No database connection for {} {}: {}", request.getMethodName(), Secrets.scrub(request.getPath()), e.getMessage());
        Problem body = Problem.of(503, "Service Unavailable", "the directory is busy; retry in a few seconds",
                Secrets.scrub(request.getPath()));
        return HttpResponse.<Problem>status(HttpStatus.SERVICE_UNAVAILABLE).body(body)
                .contentType(MediaType.of(Problem.MEDIA_TYPE)).header("Retry-After", "2");
    }
}
