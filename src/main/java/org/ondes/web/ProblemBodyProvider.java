package org.ondes.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import org.ondes.config.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every framework error (404, 405, 400 binding errors, 401, 413, 500 …) into problem+json. Server errors never
 * carry exception text or stack traces: they are logged with an id that the response names.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
class ProblemBodyProvider implements JsonErrorResponseBodyProvider<Problem> {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemBodyProvider.class);

    @Override
    public String contentType() {
        return Problem.MEDIA_TYPE;
    }

    @Override
    public Problem body(ErrorContext context, HttpResponse<?> response) {
        int status = response.code();
        String title = HttpStatus.valueOf(status).getReason();
        String path = Secrets.scrub(context.getRequest().getPath());
        if (status >= 500) {
            String incident = Long.toHexString(System.nanoTime());
            context.getRootCause().ifPresentOrElse(
                    t -> LOG.error("Incident {} on {} {}", incident, context.getRequest().getMethodName(), path, t),
                    () -> LOG.error("Incident {} on {} {}: status {}", incident, context.getRequest().getMethodName(), path, status));
            return Problem.of(status, title, "Internal error (incident " + incident + "); it has been logged.", path);
        }
        List<Problem.FieldError> fields = context.getErrors().stream()
                .filter(e -> e.getPath().isPresent())
                .map(e -> new Problem.FieldError(e.getPath().get(), e.getMessage()))
                .toList();
        // Framework messages quote the URI ("Method [PUT] not allowed for URI [...]"), which may hold a YP token.
        String detail = Secrets.scrub(context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; ")));
        if (detail.isBlank()) {
            detail = title;
        }
        return new Problem("about:blank", title, status, detail, path, fields.isEmpty() ? null : fields);
    }
}
