package org.ondes.catalog;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * ETag / Last-Modified for catalog responses. The ETag combines the read model's version (bumped by every projection
 * write) with a hash of the query, so a conditional request is answered 304 without running the search.
 */
final class Validators {
    private Validators() {
    }

    static String etag(long version, String key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "W/\"" + version + "-" + HexFormat.of().formatHex(d, 0, 8) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A strong ETag that is a hash of the response body itself. */
    static String contentEtag(byte[] body) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"c-" + HexFormat.of().formatHex(d, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether If-None-Match names {@code etag} (weak comparison, as for GET). */
    static boolean matches(HttpRequest<?> request, String etag) {
        String inm = request.getHeaders().get(HttpHeaders.IF_NONE_MATCH);
        if (inm == null) {
            return false;
        }
        for (String candidate : inm.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || weak(c).equals(weak(etag))) {
                return true;
            }
        }
        return false;
    }

    static boolean notModified(HttpRequest<?> request, String etag, Instant lastModified) {
        if (request.getHeaders().contains(HttpHeaders.IF_NONE_MATCH)) {
            return matches(request, etag);
        }
        String ims = request.getHeaders().get(HttpHeaders.IF_MODIFIED_SINCE);
        if (ims != null) {
            try {
                Instant since = ZonedDateTime.parse(ims, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return !lastModified.truncatedTo(ChronoUnit.SECONDS).isAfter(since);
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }

    static <T> MutableHttpResponse<T> decorate(MutableHttpResponse<T> response, String etag, Instant lastModified, int maxAge) {
        return response.header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.LAST_MODIFIED, DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        lastModified.truncatedTo(ChronoUnit.SECONDS).atZone(ZoneOffset.UTC)))
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=" + maxAge)
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .header(HttpHeaders.VARY, "Accept-Encoding");
    }

    static MutableHttpResponse<Object> notModifiedResponse(String etag, Instant lastModified, int maxAge) {
        return decorate(HttpResponse.status(HttpStatus.NOT_MODIFIED), etag, lastModified, maxAge);
    }

    private static String weak(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
