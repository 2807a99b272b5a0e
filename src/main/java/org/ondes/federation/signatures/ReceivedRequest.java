package org.ondes.federation.signatures;

import java.util.Objects;

/**
 * A request as the server received it, for {@link HttpVerifier}.
 *
 * @param method        the HTTP method ({@code POST}, {@code GET}, any case)
 * @param requestTarget the raw path and query exactly as received ({@code /inbox?x=1}), not decoded or normalised
 * @param headers       every header field as received
 * @param body          the raw body bytes as received (empty for a GET), before any JSON parsing
 */
public record ReceivedRequest(String method, String requestTarget, RequestHeaders headers, byte[] body) {
    public ReceivedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(requestTarget, "requestTarget");
        Objects.requireNonNull(headers, "headers");
        body = body == null ? new byte[0] : body;
    }
}
