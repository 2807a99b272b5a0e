package org.ondes.probe;

/**
 * An outbound request that did not produce a response. The message is a short, single-line reason
 * written for the person who entered the URL ("connection refused by 203.0.113.7:8000"); it is
 * already cleaned of anything a remote server could use to inject lines, so it may be shown, logged
 * or put into a header as it is. {@link #kind()} lets callers decide, for example, whether to retry.
 */
public final class ProbeException extends Exception {

    /** What went wrong, coarsely. */
    public enum Kind {
        /** The URL itself is unusable: scheme, user info, missing host, bad redirect target. */
        INVALID_URL,
        /** The address policy refused the host name or one of its addresses (also after a redirect). */
        REFUSED,
        /** The host name did not resolve. */
        UNRESOLVED,
        /** No candidate address accepted a TCP connection. */
        CONNECT,
        /** The TLS handshake or certificate check failed. */
        TLS,
        /** The server did not answer, or answered too slowly. */
        TIMEOUT,
        /** The server's answer was not valid HTTP (or ICY), or was too large. */
        PROTOCOL,
        /** More redirects than the request allows. */
        REDIRECTS
    }

    private static final long serialVersionUID = 1L;

    private final Kind kind;

    public ProbeException(Kind kind, String reason) {
        super(Text.clean(reason, Text.MAX_REASON));
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The human reason, same as {@link #getMessage()}. */
    public String reason() {
        return getMessage();
    }
}
