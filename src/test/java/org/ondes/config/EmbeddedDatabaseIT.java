package org.ondes.config;

import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ondes.Application;
import org.ondes.testkit.OndesApi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launch path of {@code java -jar}: without ONDES_DATABASE_URL, Ondes runs its own PostgreSQL in the data dir,
 * keeps data and the generated JWT secret across restarts.
 */
class EmbeddedDatabaseIT {
    private static Application.Running start(Path dataDir) {
        return Application.start(Map.of("ONDES_DATA_DIR", dataDir.toString()), Map.of("micronaut.server.port", -1));
    }

    private static int port(Application.Running running) {
        return running.context().getBean(EmbeddedServer.class).getPort();
    }

    @Test
    void accountsAndLoginTokensSurviveARestartOnTheEmbeddedDatabase(@TempDir Path dataDir) {
        String bearer;
        try (Application.Running first = start(dataDir)) {
            OndesApi api = new OndesApi(port(first));
            assertEquals(201, api.send("POST", "/api/v1/accounts", null,
                    "{\"username\":\"persistent\",\"password\":\"long enough pw\"}").status());
            bearer = api.login("persistent", "long enough pw");
        }
        assertTrue(Files.exists(dataDir.resolve("postgres").resolve("PG_VERSION")), "the cluster lives in the data dir");
        assertTrue(Files.exists(dataDir.resolve("jwt-secret")), "the generated JWT secret is kept");
        try (Application.Running second = start(dataDir)) {
            OndesApi api = new OndesApi(port(second));
            assertEquals(200, api.get("/api/v1/me/yp-tokens", bearer).status(), "a login from before the restart still works");
            assertTrue(api.login("persistent", "long enough pw").length() > 20, "the account is still there");
        }
    }
}
