package org.ondes.site;

import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The web interface's static files (src/main/resources/public, served at /static/) and their version: a hash of all
 * their bytes, so it changes with any file and is the same on every instance running the same build. Pages link the
 * entry points with {@code ?v=<version>} (cached for a year); the modules those import are revalidated against an
 * ETag made of the version (see {@link StaticAssetsFilter}).
 */
@Singleton
public class StaticAssets {
    /** Every file under public/; {@code StaticAssetsTest} fails when a file is added without being listed here. */
    static final List<String> FILES = List.of(
            "css/ondes.css",
            "js/app.js",
            "js/copy.js",
            "js/embed.js",
            "js/live-list.js",
            "js/live-feed.js",
            "js/my-stations.js",
            "js/navigation.js",
            "js/playback.js",
            "js/player.js",
            "js/station.js",
            "js/times.js");

    private final String version;

    StaticAssets() {
        this.version = hash(FILES);
    }

    public String version() {
        return version;
    }

    /** The URL of a static file with the cache-busting version, e.g. {@code /static/js/app.js?v=3f2a…}. */
    public String url(String file) {
        return "/static/" + file + "?v=" + version;
    }

    static String hash(List<String> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String file : files) {
                try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream("public/" + file)) {
                    if (in == null) {
                        throw new IllegalStateException("static file public/" + file + " is missing from the build");
                    }
                    digest.update(file.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    digest.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 6);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
