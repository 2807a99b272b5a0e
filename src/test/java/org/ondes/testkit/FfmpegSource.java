package org.ondes.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * An ffmpeg sine-tone (440 Hz, 44.1 kHz stereo) source streaming in real time to an icecast mount,
 * with {@code -ice_public 1} so that icecast lists it in YP. Runs until stopped or closed.
 */
public final class FfmpegSource implements AutoCloseable {

    private static final Duration MOUNT_TIMEOUT = Duration.ofSeconds(15);

    private final IcecastProcess ice;
    private final String mount;
    private final Process process;
    private final Path logFile;
    private boolean stopped;

    private FfmpegSource(IcecastProcess ice, String mount, Process process, Path logFile) {
        this.ice = ice;
        this.mount = mount;
        this.process = process;
        this.logFile = logFile;
    }

    /** Ogg Vorbis 96k ({@code application/ogg}); returns once status-json lists the mount with subtype Vorbis. */
    public static FfmpegSource ogg(IcecastProcess ice, String mount, String name, String genre,
                                   String description, String url) {
        // icecast lists the mount about a second before it has parsed the Vorbis headers; a YP add sent
        // in between carries an empty stype, so wait for the codec too.
        return start(ice, mount, List.of("-c:a", "libvorbis", "-b:a", "96k", "-f", "ogg",
                "-content_type", "application/ogg"), name, genre, description, url,
                status -> status.contains("\"subtype\":\"Vorbis\""), "listed with subtype Vorbis");
    }

    /** MP3 128k ({@code audio/mpeg}); returns once the mount is listed in status-json. */
    public static FfmpegSource mp3(IcecastProcess ice, String mount, String name, String genre,
                                   String description, String url) {
        return start(ice, mount, List.of("-c:a", "libmp3lame", "-b:a", "128k", "-f", "mp3",
                "-content_type", "audio/mpeg"), name, genre, description, url, status -> true, "listed");
    }

    public String mount() {
        return mount;
    }

    public String listenUrl() {
        return ice.listenUrl(mount);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The last {@code lines} lines ffmpeg wrote to stderr. */
    public String stderrTail(int lines) {
        return IcecastProcess.tail(IcecastProcess.read(logFile), lines);
    }

    /** Stops streaming: SIGTERM (ffmpeg closes the source connection cleanly), SIGKILL after 5 s. */
    public void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        Reaper.kill(process.toHandle(), 5000);
    }

    @Override
    public void close() {
        stop();
    }

    private static FfmpegSource start(IcecastProcess ice, String mount, List<String> codec, String name,
                                      String genre, String description, String url,
                                      Predicate<String> ready, String readyText) {
        Binaries.require("ffmpeg");
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostdin", "-nostats",
                "-loglevel", "info", "-re", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100",
                "-ac", "2", "-ar", "44100"));
        command.addAll(codec);
        addIce(command, "-ice_name", name);
        addIce(command, "-ice_genre", genre);
        addIce(command, "-ice_description", description);
        addIce(command, "-ice_url", url);
        command.addAll(List.of("-ice_public", "1", ice.sourceUrl(mount)));

        Path logFile = ice.workDir().resolve("ffmpeg" + mount.replaceAll("[^A-Za-z0-9.-]", "_") + ".log");
        Process process;
        try {
            Files.deleteIfExists(logFile);
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start ffmpeg for " + mount, e);
        }
        Reaper.register(process.toHandle());
        FfmpegSource source = new FfmpegSource(ice, mount, process, logFile);
        try {
            Await.until(MOUNT_TIMEOUT, () -> process.isAlive() ? ice.mountStatus(mount) : Optional.<String>empty(),
                    status -> !process.isAlive() || status.map(ready::test).orElse(false),
                    () -> "mount " + mount + " never got " + readyText + " in " + ice.baseUrl() + "/status-json.xsl");
            if (!process.isAlive()) {
                throw new AssertionError("ffmpeg for " + mount + " exited with code " + process.exitValue());
            }
        } catch (AssertionError e) {
            source.close();
            throw new AssertionError(e.getMessage() + "\n--- ffmpeg stderr (last 20 lines):\n"
                    + source.stderrTail(20) + "\n--- icecast error.log (last 10 lines):\n"
                    + IcecastProcess.tail(ice.errorLog(), 10), e);
        }
        return source;
    }

    private static void addIce(List<String> command, String option, String value) {
        if (value != null) {
            command.add(option);
            command.add(value);
        }
    }
}
