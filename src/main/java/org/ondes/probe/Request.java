package org.ondes.probe;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One outbound HTTP request for {@link GuardedHttpClient}.
 *
 * @param method       request method, an upper-case token such as GET or POST
 * @param uri          absolute http or https URL
 * @param headers      extra request headers, sent in this order; Host, User-Agent, Connection,
 *                     Accept-Encoding, Content-Length and Transfer-Encoding are set by the client
 * @param body         request body, or null for none
 * @param maxBodyBytes the response body is cut after this many bytes ({@link Response#truncated()})
 * @param maxRedirects redirects to follow; 0 returns a redirect response as it is
 * @param streaming    the response is an endless stream: read what arrives until maxBodyBytes, the
 *                     end of the stream or one read timeout after the headers, never an error
 */
public record Request(String method, URI uri, Map<String, String> headers, byte[] body, int maxBodyBytes,
                      int maxRedirects, boolean streaming) {

    /** Limits that keep one request from tying up the client. */
    public static final int MAX_REDIRECTS = 20;
    public static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

    private static final Pattern METHOD = Pattern.compile("[A-Z]{1,20}");
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");
    private static final Pattern HEADER_VALUE = Pattern.compile("[\\x20-\\x7E\\t]*");
    private static final Set<String> RESERVED = Set.of("host", "user-agent", "connection", "accept-encoding",
            "content-length", "transfer-encoding");

    public Request {
        if (method == null || !METHOD.matcher(method).matches()) {
            throw new IllegalArgumentException("method must be an upper-case token");
        }
        if (uri == null) {
            throw new IllegalArgumentException("uri is required");
        }
        if (maxBodyBytes < 0 || maxBodyBytes > MAX_BODY_BYTES) {
            throw new IllegalArgumentException("maxBodyBytes out of range: " + maxBodyBytes);
        }
        if (maxRedirects < 0 || maxRedirects > MAX_REDIRECTS) {
            throw new IllegalArgumentException("maxRedirects out of range: " + maxRedirects);
        }
        Map<String, String> copy = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((name, value) -> {
                if (name == null || !HEADER_NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("invalid header name: " + Text.clean(name, 40));
                }
                if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("header is set by the client: " + name);
                }
                if (value == null || !HEADER_VALUE.matcher(value).matches()) {
                    throw new IllegalArgumentException("header value must be printable ASCII: " + name);
                }
                copy.put(name, value);
            });
        }
        headers = Collections.unmodifiableMap(copy);
        body = body == null ? null : body.clone();
    }

    /** A plain GET: no extra headers, bodies up to 1 MiB, up to 5 redirects, not streaming. */
    public static Request get(URI uri) {
        return new Request("GET", uri, Map.of(), null, 1024 * 1024, 5, false);
    }

    /** The body (a copy), or null. */
    @Override
    public byte[] body() {
        return body == null ? null : body.clone();
    }

    /** The same request aimed at another URL, as a redirect needs it. */
    Request redirected(String newMethod, URI newUri, Map<String, String> newHeaders, byte[] newBody) {
        return new Request(newMethod, newUri, newHeaders, newBody, maxBodyBytes, maxRedirects, streaming);
    }
}
