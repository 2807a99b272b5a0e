package org.ondes.config;

import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The database for a command run from the shell ({@code java -jar ondes.jar <command>}), without the HTTP server: the
 * external PostgreSQL of {@code ONDES_DATABASE_URL}, else the embedded one in {@code ONDES_DATA_DIR/postgres}. When
 * Ondes is not running, the embedded server is started for the command and stopped afterwards; when it is running
 * (its data directory is locked then), the command connects to the port PostgreSQL wrote on line 4 of
 * {@code postmaster.pid}. Migrations are applied first, as at startup, so the schema is the one the command expects.
 */
public final class CommandDatabase implements AutoCloseable {
    private final Connection connection;
    private final EmbeddedDatabase started;
    private final String description;

    private CommandDatabase(Connection connection, EmbeddedDatabase started, String description) {
        this.connection = connection;
        this.started = started;
        this.description = description;
    }

    /** Opens (and migrates) the database the server would use with this environment. */
    public static CommandDatabase open(Map<String, String> env) throws SQLException {
        String url = env.get("ONDES_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            return connect(url, env.get("ONDES_DATABASE_USER"), env.get("ONDES_DATABASE_PASSWORD"), null,
                    "external PostgreSQL");
        }
        Path dataDir = Path.of(env.getOrDefault("ONDES_DATA_DIR", "./data"));
        Path pgDir = dataDir.toAbsolutePath().normalize().resolve("postgres");
        if (running(pgDir)) {
            int port = runningPort(pgDir);
            return connect("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "", null,
                    "the running Ondes' embedded PostgreSQL at 127.0.0.1:" + port);
        }
        EmbeddedDatabase embedded = EmbeddedDatabase.start(dataDir);
        try {
            Map<String, Object> p = embedded.properties();
            return connect((String) p.get("datasources.default.url"), "postgres", "", embedded,
                    "embedded PostgreSQL in " + pgDir);
        } catch (SQLException | RuntimeException e) {
            embedded.close();
            throw e;
        }
    }

    private static CommandDatabase connect(String url, String user, String password, EmbeddedDatabase started,
                                           String description) throws SQLException {
        Flyway.configure().dataSource(url, blankToNull(user), blankToNull(password)).load().migrate();
        Properties props = new Properties();
        if (user != null && !user.isBlank()) {
            props.setProperty("user", user);
        }
        if (password != null && !password.isEmpty()) {
            props.setProperty("password", password);
        }
        return new CommandDatabase(DriverManager.getConnection(url, props), started, description);
    }

    /**
     * Whether the embedded PostgreSQL of this data directory is running (Ondes holds the directory then): its
     * postmaster.pid names a live process. Reading the file, rather than trying zonky's lock, never disturbs the
     * lock of a server running in this same process.
     */
    static boolean running(Path pgDir) {
        Path pid = pgDir.resolve("postmaster.pid");
        try {
            List<String> lines = Files.exists(pid) ? Files.readAllLines(pid) : List.of();
            if (lines.isEmpty() || !lines.get(0).strip().matches("[0-9]{1,10}")) {
                return false;
            }
            return ProcessHandle.of(Long.parseLong(lines.get(0).strip())).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pid, e);
        }
    }

    /** The port of the running PostgreSQL: line 4 of postmaster.pid. */
    static int runningPort(Path pgDir) {
        Path pid = pgDir.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pid);
            if (lines.size() >= 4 && lines.get(3).strip().matches("[0-9]{1,5}")) {
                return Integer.parseInt(lines.get(3).strip());
            }
        } catch (IOException e) {
            // reported below
        }
        throw new IllegalStateException("the embedded PostgreSQL in " + pgDir + " is locked but " + pid
                + " names no port: is Ondes starting or stopping? Try again in a moment");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public Connection connection() {
        return connection;
    }

    /** Which database this is, for the command's messages. */
    public String description() {
        return description;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
        if (started != null) {
            started.close();
        }
    }
}
