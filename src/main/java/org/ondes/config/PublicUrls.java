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

    public String ypUrl(String token) {
        return base() + "/api/icecast/yp/" + token;
    }

    private static String stripTrailingSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
