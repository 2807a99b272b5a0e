package org.ondes.testkit;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An independent ActivityPub implementation to test against: {@code src/test/fedify-peer/peer.mjs}, a Fedify 2.3.6
 * peer with one Person actor ({@code /users/<name>}), auto-Accept of Follow, and test hooks. Runs {@code node} on a
 * free 127.0.0.1 port; always close it (a shutdown hook kills it too).
 *
 * <p>Needs {@code node} (20 or later; Fedify 2.3.6 does not run on Debian 12's node 18) and
 * {@code npm ci --prefix src/test/fedify-peer}: without them the test is skipped loudly, or fails when
 * {@code CI=true}.
 */
public final class FedifyPeer implements AutoCloseable {

    /** Which HTTP signature scheme the peer tries first when it sends (it falls back to the other on a 4xx). */
    public enum FirstKnock {
        RFC9421("rfc9421"),
        DRAFT_CAVAGE("draft-cavage-http-signatures-12");

        private final String option;

        FirstKnock(String option) {
            this.option = option;
        }
    }

    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final int port;
    private final Process process;
    private final Path logFile;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private FedifyPeer(String name, int port, Process process, Path logFile) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.logFile = logFile;
    }

    /** Starts a peer whose actor is {@code /users/<name>}, returning once it answers {@code /_health}. */
    public static FedifyPeer start(String name, FirstKnock firstKnock) {
        Path dir = peerDirectory();
        Binaries.require("node");
        Binaries.requireThat(Files.isDirectory(dir.resolve("node_modules/@fedify/fedify")),
                "the Fedify peer's npm packages (" + dir.resolve("node_modules") + ")",
                "run: npm ci --no-audit --no-fund --prefix src/test/fedify-peer");
        requireNode20();
        RuntimeException lastFailure = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            FedifyPeer peer = launch(dir, name, firstKnock, FreePorts.next());
            try {
                peer.awaitHealthy();
                return peer;
            } catch (RuntimeException e) {
                peer.close();
                lastFailure = e;
                if (!peer.log().contains("EADDRINUSE")) {
                    throw e;
                }
            }
        }
        throw lastFailure;
    }

    /** e.g. {@code http://127.0.0.1:40123}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The peer's actor id, {@code <base>/users/<name>}. */
    public String actorUrl() {
        return baseUrl() + "/users/" + name;
    }

    /** The actor's personal inbox. */
    public String inboxUrl() {
        return actorUrl() + "/inbox";
    }

    /** The shared inbox, {@code <base>/inbox}. */
    public String sharedInboxUrl() {
        return baseUrl() + "/inbox";
    }

    /** Every activity the peer's inbox listeners accepted, as Fedify's compacted JSON-LD, oldest first. */
    public List<Map<String, Object>> received() {
        return getList("/_received");
    }

    /**
     * Every POST to one of its inboxes, accepted or not: {@code path}, {@code headers} (lower-case names),
     * {@code body} (the raw text, with properties Fedify would drop) and the {@code status} it answered.
     */
    public List<Map<String, Object>> raw() {
        return getList("/_raw");
    }

    /**
     * Makes the peer look up {@code actorUrl} (signed GETs; an {@code acct:name@host} is found by WebFinger first) and
     * send it a Follow; returns the Follow's id.
     */
    public String follow(String actorUrl) {
        return (String) hook("/_follow?target=" + encode(actorUrl), "").get("id");
    }

    /** Makes the peer send an Undo of its Follow of {@code actorUrl} (an actor URL or {@code acct:name@host}). */
    public void unfollow(String actorUrl) {
        hook("/_unfollow?target=" + encode(actorUrl), "");
    }

    /** Makes the peer sign and POST {@code activityJson} (JSON-LD, its own actor as actor) to {@code inboxUrl}. */
    public void send(String inboxUrl, String activityJson) {
        hook("/_send?inbox=" + encode(inboxUrl), activityJson);
    }

    /** The peer's output so far (Fedify errors, hook failures). */
    public String log() {
        try {
            return Files.exists(logFile) ? Files.readString(logFile) : "";
        } catch (IOException e) {
            return "<cannot read " + logFile + ": " + e + ">";
        }
    }

    @Override
    public void close() {
        Reaper.kill(process.toHandle(), 3000);
    }

    private static FedifyPeer launch(Path dir, String name, FirstKnock firstKnock, int port) {
        Path logFile = Path.of("target", "fedify-peer-" + name + "-" + port + ".log").toAbsolutePath();
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder("node", "peer.mjs")
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().put("PORT", Integer.toString(port));
            builder.environment().put("NAME", name);
            builder.environment().put("FIRST_KNOCK", firstKnock.option);
            Process process = builder.start();
            Reaper.register(process.toHandle());
            return new FedifyPeer(name, port, process, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start node peer.mjs in " + dir, e);
        }
    }

    private void awaitHealthy() {
        Await.until(STARTUP_TIMEOUT, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("node exited with " + process.exitValue());
            }
            return get("/_health").statusCode();
        }, status -> status == 200, () -> "the Fedify peer did not answer /_health; its output:\n" + log());
    }

    private static void requireNode20() {
        String version;
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        int major;
        try {
            major = Integer.parseInt(version.replaceFirst("^v(\\d+)\\..*$", "$1"));
        } catch (NumberFormatException e) {
            major = 0;
        }
        Binaries.requireThat(major >= 20, "node 20 or later for Fedify 2.3.6 (found " + version + ")",
                "install Node.js 20 (Debian 12's nodejs package is 18, where Fedify fails: no global crypto)");
    }

    private static Path peerDirectory() {
        String basedir = System.getProperty("basedir");
        Path root = basedir != null ? Path.of(basedir) : Path.of("").toAbsolutePath();
        return root.resolve("src/test/fedify-peer");
    }

    private List<Map<String, Object>> getList(String path) {
        HttpResponse<String> response = get(path);
        try {
            return JSON.readValue(response.body(), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> hook(String pathAndQuery, String body) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (response.statusCode() != 200) {
            throw new AssertionError("Fedify peer hook " + pathAndQuery + " failed: HTTP " + response.statusCode()
                    + " " + response.body() + "\n--- peer output:\n" + log());
        }
        try {
            return JSON.readValue(response.body(), Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(5)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
