package org.ondes.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Real PostgreSQL for tests: {@code TEST_JDBC_URL} (+ {@code TEST_JDBC_USER}/{@code TEST_JDBC_PASSWORD}) when set,
 * otherwise one throwaway embedded server per JVM. Every call gets a fresh schema, so test classes never see each
 * other's rows and Flyway migrates each schema from scratch.
 */
public final class TestDb {
    private static EmbeddedPostgres embedded;

    private TestDb() {
    }

    public record Schema(String url, String user, String password, String name) {
        public Map<String, String> properties() {
            Map<String, String> p = new HashMap<>();
            p.put("datasources.default.url", url);
            p.put("datasources.default.username", user);
            p.put("datasources.default.password", password);
            p.put("flyway.datasources.default.schemas", name);
            return p;
        }

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }

    public static Map<String, String> properties() {
        return newSchema().properties();
    }

    public static synchronized Schema newSchema() {
        String base;
        String user;
        String password;
        String external = System.getenv("TEST_JDBC_URL");
        if (external != null && !external.isBlank()) {
            base = external;
            user = System.getenv().getOrDefault("TEST_JDBC_USER", "postgres");
            password = System.getenv().getOrDefault("TEST_JDBC_PASSWORD", "");
        } else {
            if (embedded == null) {
                try {
                    embedded = EmbeddedPostgres.builder().start();
                } catch (IOException e) {
                    throw new UncheckedIOException("could not start embedded PostgreSQL for tests", e);
                }
                EmbeddedPostgres pg = embedded;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        pg.close();
                    } catch (IOException ignored) {
                        // the JVM is exiting
                    }
                }));
            }
            base = embedded.getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = "";
        }
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(base, user, password); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test schema on " + base, e);
        }
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new Schema(url, user, password, schema);
    }
}
