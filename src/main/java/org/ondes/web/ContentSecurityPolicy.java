package org.ondes.web;

/**
 * The Content-Security-Policy of HTML pages. Scripts and styles come only from this origin (no inline script, no
 * {@code eval}); audio may come from any http(s) server because Ondes never relays streams, the browser plays the
 * Icecast server itself; scripts talk only to this origin (the JSON API and the live feed).
 */
public final class ContentSecurityPolicy {
    private static final String COMMON = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "media-src http: https:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; ";

    /** Every page but the embeddable player: never inside a frame (clickjacking). */
    public static final String PAGE = COMMON + "frame-ancestors 'none'";

    /** The embeddable player ({@code /stations/{id}/embed}): meant to be framed by any site. */
    public static final String EMBEDDABLE = COMMON + "frame-ancestors *";

    private ContentSecurityPolicy() {
    }
}
