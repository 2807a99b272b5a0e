package org.ondes.testkit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;

/**
 * Guards end-to-end tests that need external programs (icecast2, ffmpeg, chromium and chromedriver, node) or
 * other installed parts (the Fedify peer's node_modules).
 * On a developer machine a missing program skips the test loudly; on CI
 * (env {@code CI=true}) it fails, so a broken CI image cannot go green by skipping.
 */
public final class Binaries {

    private static final Map<String, String> DEBIAN_PACKAGES = Map.of(
            "icecast2", "icecast2",
            "ffmpeg", "ffmpeg",
            "chromium", "chromium",
            "chromedriver", "chromium-driver",
            "runuser", "util-linux",
            "node", "nodejs",
            "kill", "procps");

    private Binaries() {
    }

    /** Skips (or on CI fails) the current test unless every named program is on PATH. */
    public static void require(String... names) {
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            if (find(name).isEmpty()) {
                missing.add(name);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        Set<String> packages = new LinkedHashSet<>();
        for (String name : names) {
            packages.add(packageOf(name));
        }
        String install = "apt-get install " + String.join(" ", packages);
        StringBuilder which = new StringBuilder();
        for (String name : missing) {
            if (which.length() > 0) {
                which.append(", ");
            }
            which.append(name).append(" (Debian package ").append(packageOf(name)).append(')');
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("end-to-end test needs " + which + " on PATH, but it is missing on CI: "
                    + install + " (PATH=" + System.getenv("PATH") + ")");
        }
        skipLoudly(String.join(", ", missing) + " not installed (" + install + ")", "missing on PATH: " + which);
    }

    /**
     * Skips (or on CI fails) the current test unless {@code present}: for prerequisites other than programs on PATH,
     * e.g. an npm install. {@code what} says what is missing, {@code fix} how to get it.
     */
    public static void requireThat(boolean present, String what, String fix) {
        if (present) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("end-to-end test needs " + what + ", but it is missing on CI: " + fix);
        }
        skipLoudly(what + " missing (" + fix + ")", fix);
    }

    private static void skipLoudly(String msg, String detail) {
        String line = "!".repeat(78);
        String text = "SKIPPING end-to-end test: " + msg;
        System.err.println();
        System.err.println(line);
        System.err.println("!!! " + text);
        System.err.println("!!! " + detail);
        System.err.println("!!! set CI=true to turn this skip into a failure");
        System.err.println(line);
        System.err.println();
        Assumptions.abort(text);
    }

    /** The absolute path of {@code name} on PATH, if it is there and executable. */
    public static Optional<Path> find(String name) {
        String path = System.getenv("PATH");
        if (path == null || path.isEmpty()) {
            path = "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin";
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String packageOf(String name) {
        return DEBIAN_PACKAGES.getOrDefault(name, name);
    }
}
