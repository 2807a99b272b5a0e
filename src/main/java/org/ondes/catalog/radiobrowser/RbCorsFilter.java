package org.ondes.catalog.radiobrowser;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * CORS {@code *} on every {@code /json/*} response, errors included, with the allowed methods and headers
 * radio-browser sends; browser preflights ({@code OPTIONS}) are answered here, before routing.
 */
@ServerFilter("/json/**")
class RbCorsFilter {
    static final String ALLOW_HEADERS = "origin, x-requested-with, content-type, user-agent";
    static final String ALLOW_METHODS = "GET, POST";

    @RequestFilter
    @Nullable HttpResponse<?> preflight(HttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.OPTIONS) {
            return null;
        }
        MutableHttpResponse<?> response = HttpResponse.status(HttpStatus.NO_CONTENT);
        cors(response); // a response made here skips the response filters
        return response;
    }

    @ResponseFilter
    void cors(MutableHttpResponse<?> response) {
        MutableHttpHeaders headers = response.getHeaders();
        headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ALLOW_METHODS);
        headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, ALLOW_HEADERS);
        headers.set(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "86400");
    }
}
