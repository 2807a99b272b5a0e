package org.ondes.federation.signatures;

import java.util.Objects;

/**
 * A request as the server received it, for {@link HttpVerifier}.
 *
 * @param method        the HTTP method ({@code POST}, {@code GET}, any case)
 * @param requestTarget the raw path and query exactly as received ({@code /inbox?x=1}), not decoded or normalised
 * @param headers       every header field as received
 * @param body          the raw body bytes as received (empty for a GET), before any JSON parsing
 * @param scheme        {@code https} or {@code http}: the scheme of the server's public URL, needed for the
 *                      {@code @target-uri} of RFC 9421 signatures (behind a TLS-terminating proxy it is the public
 *                      one, not the proxy's)
 */
public record ReceivedRequest(String method, String requestTarget, RequestHeaders headers, byte[] body,
                              String scheme) {
    public ReceivedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(requestTarget, "requestTarget");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(scheme, "scheme");
        body = body == null ? new byte[0] : body;
    }

    /** A request received on a public {@code https} URL. */
    public ReceivedRequest(String method, String requestTarget, RequestHeaders headers, byte[] body) {
        this(method, requestTarget, headers, body, "https");
    }
}
