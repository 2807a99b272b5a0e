package org.ondes;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import org.ondes.accounts.AdminSetupCommand;
import org.ondes.config.EmbeddedDatabase;
import org.ondes.config.JwtSecret;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts Ondes. Before the context starts, two things are settled from the environment: the JWT signing secret
 * ({@code ONDES_JWT_SECRET}, else generated once into the data directory) and the database ({@code ONDES_DATABASE_URL},
 * else an embedded PostgreSQL in the data directory).
 */
public class Application {
    /** The system property logback.xml reads for the console (System.out unless a command runs). */
    static final String LOG_TARGET = "ondes.log.target";

    /** A started Ondes and, when it runs one, its embedded database (stopped after the context). */
    public record Running(ApplicationContext context, EmbeddedDatabase database) implements AutoCloseable {
        @Override
        public void close() {
            if (context.isRunning()) {
                context.close();
            }
            if (database != null) {
                database.close();
            }
        }
    }

    /**
     * Starts the server, or runs a shell command named by the first argument ({@code admin-setup}) and exits with its
     * status. A command's log lines go to standard error, so that its standard output is only what it has to say.
     */
    public static void main(String[] args) {
        if (args.length > 0 && AdminSetupCommand.NAME.equals(args[0])) {
            System.setProperty(LOG_TARGET, "System.err");
            System.exit(AdminSetupCommand.run(System.getenv(), System.out, System.err));
        }
        start(System.getenv(), Map.of(), args);
    }

    public static Running start(Map<String, String> env, Map<String, Object> overrides, String... args) {
        Path dataDir = Path.of(env.getOrDefault("ONDES_DATA_DIR", "./data"));
        Map<String, Object> props = new HashMap<>();
        props.put(JwtSecret.PROPERTY, JwtSecret.resolve(env.get("ONDES_JWT_SECRET"), dataDir));
        props.put("ondes.data-dir", dataDir.toString());
        EmbeddedDatabase database = null;
        String url = env.get("ONDES_DATABASE_URL");
        if (url == null || url.isBlank()) {
            database = EmbeddedDatabase.start(dataDir);
            props.putAll(database.properties());
        } else {
            LoggerFactory.getLogger(Application.class).info("Database: external PostgreSQL at {}",
                    url.replaceAll("(?i)(password=)[^&;]*", "$1***"));
        }
        props.putAll(overrides);
        try {
            ApplicationContext context = Micronaut.build(args).mainClass(Application.class).properties(props).start();
            return new Running(context, database);
        } catch (RuntimeException e) {
            if (database != null) {
                database.close();
            }
            throw e;
        }
    }
}
