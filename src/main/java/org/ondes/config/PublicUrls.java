package org.ondes.config;

import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.net.URI;

/** The one place that builds absolute URLs; they all derive from {@code ONDES_PUBLIC_URL}. */
@Singleton
public class PublicUrls {
    private final OndesConfig config;
    private final Provider<EmbeddedServer> server;
    private volatile String base;

    PublicUrls(OndesConfig config, Provider<EmbeddedServer> server) {
        this.config = config;
        this.server = server;
    }

    /** The base URL without a trailing slash, e.g. {@code https://ondes.example.org}. */
    public String base() {
        String b = base;
        if (b == null) {
            String configured = config.publicUrl();
            b = baseOf(configured, configured == null || configured.isBlank() ? server.get().getPort() : 0);
            base = b;
        }
        return b;
    }

    /**
     * The base URL for a configured {@code ONDES_PUBLIC_URL} (null or blank: {@code http://localhost:<port>}), for
     * code that runs without the server, such as the shell commands.
     */
    public static String baseOf(String configured, int port) {
        if (configured != null && !configured.isBlank()) {
            return stripTrailingSlash(URI.create(configured.trim()).normalize().toString());
        }
        return "http://localhost:" + port;
    }

    /** The absolute URL of a path on this instance; {@code path} starts with a slash, e.g. {@code /stations/…}. */
    public String of(String path) {
        return base() + path;
    }

    /**
     * The instance's name in the fediverse: the public URL's host, with its port when not the scheme's default
     * ({@code ondes.example.org}, {@code 127.0.0.1:8080}), as in {@code acct:name@authority}.
     */
    public String authority() {
        URI u = URI.create(base());
        int port = u.getPort();
        boolean defaultPort = port == -1 || ("https".equals(u.getScheme()) && port == 443)
                || ("http".equals(u.getScheme()) && port == 80);
        return defaultPort ? u.getHost() : u.getHost() + ":" + port;
    }

    /** A station's ActivityPub actor id: its page's URL (browsers get the page, ActivityPub clients the actor). */
    public String stationActor(java.util.UUID stationId) {
        return of("/stations/" + stationId);
    }

    /** A local account name in the fediverse's form, {@code @name@authority}. */
    public String handle(String name) {
        return "@" + name + "@" + authority();
    }

    public String ypUrl(String token) {
        return base() + "/api/icecast/yp/" + token;
    }

    private static String stripTrailingSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
