package org.ondes.accounts;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import org.ondes.config.OndesConfig;
import org.ondes.config.PublicUrls;
import org.ondes.limits.ClientAddresses;

import java.net.URI;
import java.util.Locale;

/**
 * The Origin check of cookie-authenticated writes: a browser names the page a request comes from in {@code Origin};
 * it must be this instance, {@code ONDES_PUBLIC_URL}. Without a configured public URL (a local instance) the origin
 * the browser used to reach the server ({@code http://} or, over TLS or behind a trusted proxy that says so,
 * {@code https://}, + {@code Host}) is accepted as well. Requests without
 * {@code Origin} (old browsers, same-origin GET-initiated forms in some browsers, scripts) pass: the CSRF token is the
 * check that always applies. Public for the one form that anonymous browsers post (a station report), where there is
 * no session token to check.
 */
@Singleton
public class Origins {
    private final PublicUrls urls;
    private final OndesConfig config;
    private final ClientAddresses clients;

    Origins(PublicUrls urls, OndesConfig config, ClientAddresses clients) {
        this.urls = urls;
        this.config = config;
        this.clients = clients;
    }

    public boolean allowed(HttpRequest<?> request) {
        String origin = request.getHeaders().get("Origin");
        if (origin == null) {
            return true;
        }
        String presented = normalise(origin);
        if (presented == null) {
            return false;
        }
        if (presented.equals(normalise(urls.base()))) {
            return true;
        }
        boolean configured = config.publicUrl() != null && !config.publicUrl().isBlank();
        String host = request.getHeaders().get(HttpHeaders.HOST);
        String scheme = clients.https(request) ? "https://" : "http://";
        return !configured && host != null && presented.equals(normalise(scheme + host));
    }

    /** scheme://host[:port] in lower case, without a default port; null for "null" or anything unparsable. */
    static String normalise(String url) {
        try {
            URI u = new URI(url.trim());
            if (u.getScheme() == null || u.getHost() == null) {
                return null;
            }
            String scheme = u.getScheme().toLowerCase(Locale.ROOT);
            int port = u.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
