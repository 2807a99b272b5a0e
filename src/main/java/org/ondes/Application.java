package org.ondes;

import io.micronaut.runtime.Micronaut;
import org.ondes.config.JwtSecret;

import java.nio.file.Path;
import java.util.Map;

/**
 * Starts Ondes. The JWT signing secret is resolved before the context starts (it comes from
 * {@code ONDES_JWT_SECRET} or is generated once into the data directory); the database is chosen by
 * {@link org.ondes.config.EmbeddedDatabase} when the datasource is configured.
 */
public class Application {
    public static void main(String[] args) {
        Path dataDir = Path.of(System.getenv().getOrDefault("ONDES_DATA_DIR", "./data"));
        String secret = JwtSecret.resolve(System.getenv("ONDES_JWT_SECRET"), dataDir);
        Micronaut.build(args)
                .mainClass(Application.class)
                .properties(Map.of(JwtSecret.PROPERTY, secret))
                .start();
    }
}
