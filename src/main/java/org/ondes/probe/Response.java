package org.ondes.probe;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a server answered, after redirects.
 *
 * @param status       status code, e.g. 200
 * @param statusLine   the status line as received, cleaned of control characters
 * @param protocol     "HTTP/1.0", "HTTP/1.1" or "ICY" (SHOUTcast-style servers)
 * @param headers      response headers; the map's keys compare case-insensitively
 * @param body         the body, never more than the request's maxBodyBytes (chunked coding removed)
 * @param truncated    true when the body was cut at maxBodyBytes. The client does not fail on an
 *                     over-long body: a stream is endless by nature, so cutting is the normal case
 *                     there; a caller that needs the whole document must treat truncated as an error
 * @param finalUri     the URL that answered, after redirects
 * @param connectedTo  the address and port the answer came from (the checked address itself)
 * @param elapsedMillis time from the start of the first hop to the end of reading the body
 */
public record Response(int status, String statusLine, String protocol, Map<String, List<String>> headers,
                       byte[] body, boolean truncated, URI finalUri, InetSocketAddress connectedTo,
                       long elapsedMillis) {

    public Response {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((name, values) -> copy.computeIfAbsent(name, k -> new ArrayList<>()).addAll(values));
        }
        copy.replaceAll((name, values) -> List.copyOf(values));
        headers = Collections.unmodifiableMap(copy);
        body = body == null ? new byte[0] : body;
    }

    /** The first value of a header, looked up case-insensitively. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** All values of a header, looked up case-insensitively. */
    public List<String> headerValues(String name) {
        return headers.getOrDefault(name, List.of());
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body (a copy). */
    @Override
    public byte[] body() {
        return body.clone();
    }
}
