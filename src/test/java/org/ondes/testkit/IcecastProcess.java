package org.ondes.testkit;

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
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A real icecast2 (2.4.4, Debian) on a free 127.0.0.1 port, configured from scratch in {@code workDir}.
 * Runs as user icecast2 through runuser when the JVM is root (icecast refuses to run as root).
 * Always close it; a shutdown hook kills it too if a test forgets.
 */
public final class IcecastProcess implements AutoCloseable {

    /** The Debian user icecast2 runs as when we are root. */
    public static final String RUN_AS_USER = "icecast2";

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(15);

    private final Path workDir;
    private final Path configFile;
    private final Path logDir;
    private final Path pidFile;
    private final Path stdoutFile;
    private final int port;
    private final String sourcePassword;
    private final String adminPassword;
    private final List<String> directoryXml = new ArrayList<>();
    private final HttpClient http;
    private Process process;
    private long icecastPid = -1;
    private boolean closed;

    private IcecastProcess(Path workDir, int port) {
        this.workDir = workDir;
        this.configFile = workDir.resolve("icecast.xml");
        this.logDir = workDir.resolve("log");
        this.pidFile = logDir.resolve("icecast.pid");
        this.stdoutFile = workDir.resolve("icecast.stdout.log");
        this.port = port;
        this.sourcePassword = "src-" + UUID.randomUUID().toString().substring(0, 8);
        this.adminPassword = "adm-" + UUID.randomUUID().toString().substring(0, 8);
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    }

    /**
     * Writes icecast.xml into {@code workDir} (created if needed) and starts icecast on a free port,
     * returning once it answers HTTP. Retries on another port if the chosen one was taken meanwhile.
     */
    public static IcecastProcess start(Path workDir) {
        boolean root = isRoot();
        if (root) {
            Binaries.require("icecast2", "runuser", "kill");
        } else {
            Binaries.require("icecast2", "kill");
        }
        RuntimeException lastFailure = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            IcecastProcess ice = new IcecastProcess(workDir.toAbsolutePath(), FreePorts.next());
            try {
                ice.launch(root);
                return ice;
            } catch (RuntimeException e) {
                ice.close();
                lastFailure = e;
                if (!ice.errorLogOrStdout().contains("Could not create listener socket")) {
                    throw e;
                }
            }
        }
        throw lastFailure;
    }

    public int port() {
        return port;
    }

    public Path workDir() {
        return workDir;
    }

    /** e.g. {@code http://127.0.0.1:40123} (no trailing slash). */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** {@code icecast://source:pw@127.0.0.1:port/mount}, for ffmpeg. */
    public String sourceUrl(String mount) {
        return "icecast://source:" + sourcePassword + "@127.0.0.1:" + port + normalize(mount);
    }

    /** {@code http://127.0.0.1:port/mount}: also exactly the {@code listenurl} icecast sends to YP. */
    public String listenUrl(String mount) {
        return baseUrl() + normalize(mount);
    }

    public String sourcePassword() {
        return sourcePassword;
    }

    public String adminPassword() {
        return adminPassword;
    }

    /** PID of the icecast2 process itself (not runuser's). */
    public long pid() {
        return icecastPid;
    }

    /**
     * Adds a YP {@code <directory>} to the config and reloads icecast with SIGHUP; returns once the
     * error.log confirms the new YP server. Icecast sends adds for running public mounts at once.
     * Note: icecast clamps a timeout above 10 or below 1 to 6 seconds.
     */
    public void addDirectory(String ypUrl, int timeoutSeconds) {
        if (timeoutSeconds < 1 || timeoutSeconds > 10) {
            System.err.println("[icecast] WARNING: yp-url-timeout " + timeoutSeconds
                    + " is outside 1..10, icecast 2.4.4 will use 6 s instead");
        }
        directoryXml.add("  <directory><yp-url-timeout>" + timeoutSeconds + "</yp-url-timeout><yp-url>"
                + xml(ypUrl) + "</yp-url></directory>\n");
        writeConfig();
        int before = errorLog().length();
        signal("HUP");
        String expected = "Adding new YP server \"" + ypUrl + "\"";
        Await.until(Duration.ofSeconds(10), () -> errorLog(), log -> log.indexOf(expected, before) >= 0,
                () -> "icecast did not log '" + expected + "' after SIGHUP; error.log tail:\n" + tail(errorLog(), 30));
    }

    /** Sets the song title of {@code mount} through the admin API (UTF-8); fails unless icecast says ok. */
    public void setMetadata(String mount, String song) {
        String url = baseUrl() + "/admin/metadata?mount=" + encode(normalize(mount))
                + "&mode=updinfo&charset=UTF-8&song=" + encode(song);
        HttpResponse<String> response = get(url, true);
        if (response.statusCode() != 200 || !response.body().contains("<return>1</return>")) {
            throw new AssertionError("metadata update for " + mount + " failed: HTTP " + response.statusCode()
                    + "\n" + response.body());
        }
    }

    /** The body of /status-json.xsl. */
    public String statusJson() {
        HttpResponse<String> response = get(baseUrl() + "/status-json.xsl", false);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("status-json.xsl answered HTTP " + response.statusCode());
        }
        return response.body();
    }

    /** Whether status-json lists {@code mount} as a live source. */
    public boolean hasMount(String mount) {
        return mountStatus(mount).isPresent();
    }

    /**
     * The status-json object of one live mount, e.g. {@code {"listeners":1,...,"subtype":"Vorbis",...}},
     * or empty if the mount is not live. (Icecast's source objects are flat, so a text slice is enough
     * for assertions such as {@code contains("\"listeners\":1")}.)
     */
    public Optional<String> mountStatus(String mount) {
        String json = statusJson();
        int at = json.indexOf("\"listenurl\":\"" + listenUrl(mount) + "\"");
        if (at < 0) {
            return Optional.empty();
        }
        int start = json.lastIndexOf('{', at);
        int end = json.indexOf('}', at);
        return Optional.of(json.substring(start, end + 1));
    }

    /** The current error.log text ("" if there is none yet). */
    public String errorLog() {
        return read(logDir.resolve("error.log"));
    }

    /** The current access.log text. */
    public String accessLog() {
        return read(logDir.resolve("access.log"));
    }

    /** Prints the last 50 lines of error.log (and icecast's stdout) to stderr, for failing tests. */
    public void dumpLogs() {
        System.err.println("===== icecast " + baseUrl() + " error.log (last 50 lines) in " + logDir + " =====");
        System.err.println(tail(errorLog(), 50));
        String out = read(stdoutFile);
        if (!out.isBlank()) {
            System.err.println("===== icecast stdout/stderr =====");
            System.err.println(tail(out, 20));
        }
        System.err.println("===== end of icecast logs =====");
    }

    /** Stops icecast (SIGTERM, then SIGKILL) and runuser; idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (icecastPid > 0) {
            Optional<ProcessHandle> real = ProcessHandle.of(icecastPid);
            if (real.isPresent()) {
                Reaper.kill(real.get(), 5000);
            }
        }
        if (process != null) {
            Reaper.kill(process.toHandle(), 5000);
        }
    }

    // ------------------------------------------------------------------ internals

    private void launch(boolean root) {
        try {
            Files.createDirectories(logDir);
            // icecast2 must traverse the work dir, read the config and write the log dir
            Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(logDir, PosixFilePermissions.fromString("rwxrwxrwx"));
            Files.deleteIfExists(pidFile);
            if (root) {
                UserPrincipalLookupService users = workDir.getFileSystem().getUserPrincipalLookupService();
                Files.setOwner(logDir, users.lookupPrincipalByName(RUN_AS_USER));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare icecast work dir " + workDir, e);
        }
        checkTraversable(workDir);
        writeConfig();

        List<String> command = new ArrayList<>();
        if (root) {
            command.addAll(List.of("runuser", "-u", RUN_AS_USER, "--"));
        }
        command.addAll(List.of("icecast2", "-c", configFile.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(stdoutFile.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        Reaper.register(process.toHandle());
        if (!root) {
            icecastPid = process.pid();
        }

        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("icecast exited with code " + process.exitValue()
                        + " during startup (" + String.join(" ", command) + ")\n" + tail(errorLogOrStdout(), 30));
            }
            if (icecastPid < 0) {
                icecastPid = findIcecastPid();
                if (icecastPid > 0) {
                    ProcessHandle.of(icecastPid).ifPresent(Reaper::register);
                }
            }
            if (icecastPid > 0 && answers()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("icecast did not answer on " + baseUrl() + " within "
                        + STARTUP_TIMEOUT.toSeconds() + " s (pid " + icecastPid + ")\n" + tail(errorLogOrStdout(), 30));
            }
            sleep(100);
        }
    }

    /** The real icecast PID: from the pidfile, else runuser's icecast2 child. */
    private long findIcecastPid() {
        String text = read(pidFile).trim();
        if (!text.isEmpty()) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                // partially written; fall through
            }
        }
        return process.toHandle().descendants()
                .filter(h -> h.info().command().map(c -> c.endsWith("/icecast2") || c.equals("icecast2")).orElse(false))
                .mapToLong(ProcessHandle::pid)
                .findFirst()
                .orElse(-1);
    }

    private boolean answers() {
        try {
            return get(baseUrl() + "/status-json.xsl", false).statusCode() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void signal(String name) {
        if (icecastPid <= 0 || ProcessHandle.of(icecastPid).map(h -> !h.isAlive()).orElse(true)) {
            throw new IllegalStateException("icecast is not running (pid " + icecastPid + ")\n" + tail(errorLog(), 20));
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(icecastPid))
                    .redirectErrorStream(true).start();
            String out = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + name + " " + icecastPid + " failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void writeConfig() {
        StringBuilder x = new StringBuilder();
        x.append("<icecast>\n");
        x.append("  <location>ondes-test</location><admin>test@127.0.0.1</admin>\n");
        x.append("  <limits><clients>100</clients><sources>8</sources><burst-on-connect>1</burst-on-connect>")
                .append("<burst-size>8192</burst-size><source-timeout>10</source-timeout></limits>\n");
        x.append("  <authentication><source-password>").append(sourcePassword).append("</source-password>")
                .append("<relay-password>").append(sourcePassword).append("</relay-password>")
                .append("<admin-user>admin</admin-user><admin-password>").append(adminPassword)
                .append("</admin-password></authentication>\n");
        x.append("  <hostname>127.0.0.1</hostname>\n");
        x.append("  <listen-socket><port>").append(port).append("</port><bind-address>127.0.0.1</bind-address></listen-socket>\n");
        x.append("  <http-headers><header name=\"Access-Control-Allow-Origin\" value=\"*\"/></http-headers>\n");
        for (String directory : directoryXml) {
            x.append(directory);
        }
        x.append("  <fileserve>1</fileserve>\n");
        x.append("  <paths><basedir>/usr/share/icecast2</basedir><logdir>").append(xml(logDir.toString()))
                .append("</logdir><pidfile>").append(xml(pidFile.toString()))
                .append("</pidfile><webroot>/usr/share/icecast2/web</webroot>")
                .append("<adminroot>/usr/share/icecast2/admin</adminroot></paths>\n");
        x.append("  <logging><accesslog>access.log</accesslog><errorlog>error.log</errorlog>")
                .append("<loglevel>4</loglevel><logsize>100000</logsize></logging>\n");
        x.append("  <security><chroot>0</chroot></security>\n");
        x.append("</icecast>\n");
        try {
            Path tmp = workDir.resolve("icecast.xml.tmp");
            Files.writeString(tmp, x.toString(), StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            Files.move(tmp, configFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + configFile, e);
        }
    }

    private HttpResponse<String> get(String url, boolean admin) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET();
        if (admin) {
            String credentials = "admin:" + adminPassword;
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String errorLogOrStdout() {
        return errorLog() + "\n--- icecast stdout/stderr:\n" + read(stdoutFile);
    }

    /** Fails early with a clear message if user icecast2 cannot reach the work dir. */
    private static void checkTraversable(Path dir) {
        for (Path p = dir.getParent(); p != null; p = p.getParent()) {
            try {
                String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                if (perms.charAt(8) != 'x') {
                    throw new IllegalStateException("icecast work dir " + dir + " is not reachable by user "
                            + RUN_AS_USER + ": " + p + " has permissions " + perms + " (needs o+x)");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static boolean isRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return uid instanceof Integer && (Integer) uid == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    static String tail(String text, int lines) {
        String[] all = text.split("\n", -1);
        int from = Math.max(0, all.length - lines);
        return String.join("\n", java.util.Arrays.asList(all).subList(from, all.length));
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "<cannot read " + file + ": " + e + ">";
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String normalize(String mount) {
        return mount.startsWith("/") ? mount : "/" + mount;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
