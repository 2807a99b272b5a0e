package org.ondes.web;

import io.micronaut.http.HttpStatus;

import java.time.Duration;
import java.util.List;

/** A client-facing refusal: becomes a problem+json response that names what is wrong. */
public class ProblemException extends RuntimeException {
    private final HttpStatus status;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Duration retryAfter;

    public ProblemException(HttpStatus status, String title, String detail) {
        this(status, title, detail, null);
    }

    public ProblemException(HttpStatus status, String title, String detail, List<Problem.FieldError> errors) {
        this(status, title, detail, errors, status == HttpStatus.SERVICE_UNAVAILABLE ? Duration.ofSeconds(2) : null);
    }

    private ProblemException(HttpStatus status, String title, String detail, List<Problem.FieldError> errors,
                             Duration retryAfter) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = errors;
        this.retryAfter = retryAfter;
    }

    public static ProblemException badRequest(String field, String reason) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "Invalid request", field + ": " + reason,
                List.of(new Problem.FieldError(field, reason)));
    }

    /** 503 with {@code Retry-After}: the request was fine, the instance is too busy right now. */
    public static ProblemException busy(String detail) {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable", detail);
    }

    /** 429 with {@code Retry-After} (whole seconds, at least 1): a limit of this instance was reached. */
    public static ProblemException tooManyRequests(String detail, Duration retryAfter) {
        Duration wait = retryAfter.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : retryAfter;
        return new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "Too Many Requests", detail, null, wait);
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

    /** How long the client should wait before retrying ({@code Retry-After}), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
