package org.ondes.config;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Chooses the database. With {@code ONDES_DATABASE_URL} set, that server is used as configured. Otherwise a real
 * PostgreSQL (zonky embedded binaries) is started with its data under {@code ONDES_DATA_DIR/postgres}, so
 * {@code java -jar} works with zero setup and keeps its data across restarts. Either way the choice is logged.
 */
@Singleton
class EmbeddedDatabase implements BeanCreatedEventListener<DatasourceConfiguration> {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private final OndesConfig config;
    private EmbeddedPostgres postgres;

    EmbeddedDatabase(OndesConfig config) {
        this.config = config;
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration ds = event.getBean();
        String url = ds.getUrl();
        if (url != null && !url.isBlank()) {
            LOG.info("Database: external PostgreSQL at {}", redact(url));
            return ds;
        }
        Path dir = Path.of(config.dataDir()).toAbsolutePath().normalize().resolve("postgres");
        try {
            Files.createDirectories(dir);
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir
                    + " (set ONDES_DATABASE_URL to use an external server)", e);
        }
        String jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
        ds.setUrl(jdbcUrl);
        ds.setUsername("postgres");
        ds.setPassword("");
        LOG.info("Database: embedded PostgreSQL, data in {} (listening on 127.0.0.1:{})", dir, postgres.getPort());
        return ds;
    }

    @PreDestroy
    void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
