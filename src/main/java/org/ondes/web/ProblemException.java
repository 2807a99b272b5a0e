package org.ondes.web;

import io.micronaut.http.HttpStatus;

import java.util.List;

/** A client-facing refusal: becomes a problem+json response that names what is wrong. */
public class ProblemException extends RuntimeException {
    private final HttpStatus status;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(HttpStatus status, String title, String detail) {
        this(status, title, detail, null);
    }

    public ProblemException(HttpStatus status, String title, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = errors;
    }

    public static ProblemException badRequest(String field, String reason) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "Invalid request", field + ": " + reason,
                List.of(new Problem.FieldError(field, reason)));
    }

    /** 503 with {@code Retry-After}: the request was fine, the instance is too busy right now. */
    public static ProblemException busy(String detail) {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable", detail);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(HttpStatus.NOT_FOUND, "Not found", what);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
