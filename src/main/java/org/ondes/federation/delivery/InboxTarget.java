package org.ondes.federation.delivery;

import org.ondes.federation.signatures.HttpSigner;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * An inbox a delivery can go to: an absolute http(s) URL with a host and no user name.
 *
 * @param inbox the URL as given (without surrounding blanks); deliveries are deduplicated on it exactly
 * @param uri   the URL in ASCII form, as the HTTP client sends it
 * @param host  the receiving host as the HTTP {@code Host} header names it: lower-case ASCII name, plus
 *              {@code :port} when the port is not the scheme's default. Circuit breaker and per-host cap work on it,
 *              so two servers on one machine's different ports are two hosts
 */
record InboxTarget(String inbox, URI uri, String host) {

    /** The target of {@code inbox}, or empty when it is not an absolute http(s) URL with a host. */
    static Optional<InboxTarget> parse(String inbox) {
        if (inbox == null || inbox.isBlank() || inbox.length() > 2048) {
            return Optional.empty();
        }
        String given = inbox.strip();
        URI uri;
        try {
            uri = asciiHost(new URI(given));
            uri = new URI(uri.toASCIIString());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || !(scheme.equals("http") || scheme.equals("https"))
                || uri.getHost() == null || uri.getHost().isEmpty() || uri.getRawUserInfo() != null
                || uri.getPort() == 0) {
            return Optional.empty();
        }
        return Optional.of(new InboxTarget(given, uri, HttpSigner.hostHeader(uri).toLowerCase(Locale.ROOT)));
    }

    /** {@code java.net.URI} sees no host in an international name: give it the name's ASCII (punycode) form. */
    private static URI asciiHost(URI uri) throws URISyntaxException {
        String authority = uri.getRawAuthority();
        if (uri.getHost() != null || authority == null || authority.contains("@") || authority.startsWith("[")) {
            return uri;
        }
        int colon = authority.lastIndexOf(':');
        String name = colon >= 0 ? authority.substring(0, colon) : authority;
        String port = colon >= 0 ? authority.substring(colon) : "";
        String ascii = IDN.toASCII(name, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        String s = uri.toString();
        int at = s.indexOf(authority);
        return new URI(s.substring(0, at) + ascii + port + s.substring(at + authority.length()));
    }

    /** The {@code Host} header the guarded client sends for this inbox, exactly (what the signature covers). */
    String hostHeader() {
        return HttpSigner.hostHeader(uri);
    }

    /** The request target the guarded client sends: raw path (or {@code /}) and query. */
    String requestTarget() {
        return HttpSigner.requestTarget(uri);
    }
}
