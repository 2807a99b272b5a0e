package org.ondes;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import org.ondes.config.EmbeddedDatabase;
import org.ondes.config.JwtSecret;
import org.slf4j.Logger;
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
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

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

    public static void main(String[] args) {
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
            LOG.info("Database: external PostgreSQL at {}", url.replaceAll("(?i)(password=)[^&;]*", "$1***"));
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
