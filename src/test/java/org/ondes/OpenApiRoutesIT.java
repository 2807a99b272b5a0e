package org.ondes;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.testkit.TestDb;
import org.yaml.snakeyaml.Yaml;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** openapi.yml documents exactly the routes the server has: no undocumented route, no documented ghost. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiRoutesIT implements TestPropertyProvider {
    @Inject
    Router router;

    @Override
    public Map<String, String> getProperties() {
        return TestDb.properties();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyRouteIsDocumentedAndEveryDocumentedRouteExists() throws Exception {
        Map<String, Object> spec;
        try (InputStream in = Files.newInputStream(Path.of("openapi.yml"))) {
            spec = new Yaml().load(in);
        }
        Set<String> documented = new TreeSet<>();
        ((Map<String, Map<String, Object>>) spec.get("paths")).forEach((path, ops) -> ops.keySet().stream()
                .filter(m -> Set.of("get", "post", "put", "patch", "delete").contains(m))
                .forEach(m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + path)));
        Set<String> served = new TreeSet<>();
        router.uriRoutes().forEach(r -> {
            String path = r.getUriMatchTemplate().toPathString();
            // HEAD is answered implicitly for every GET route; /bench/ exists only in benchmark runs. The web
            // interface's files under /static/ are served by Micronaut's static-resource resolver, not by routes,
            // so they never appear here and need no entry in openapi.yml.
            if (!path.startsWith("/bench/") && !"HEAD".equals(r.getHttpMethod().name())) {
                served.add(r.getHttpMethod().name() + " " + path);
            }
        });
        assertEquals(documented, served, "openapi.yml vs. the server's routes");
    }
}
