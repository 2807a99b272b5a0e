package org.ondes.site;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StaticAssetsTest {
    @Test
    void everyStaticFileIsPartOfTheVersion() throws IOException {
        Path root = Path.of("src/main/resources/public");
        try (Stream<Path> files = Files.walk(root)) {
            List<String> onDisk = files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
            assertEquals(onDisk, StaticAssets.FILES.stream().sorted().toList(),
                    "list every file of src/main/resources/public in StaticAssets.FILES");
        }
    }

    @Test
    void theVersionIsStableAndChangesWithTheFiles() {
        StaticAssets assets = new StaticAssets();
        assertEquals(assets.version(), new StaticAssets().version());
        assertTrue(assets.version().matches("[0-9a-f]{12}"), assets.version());
        assertNotEquals(assets.version(), StaticAssets.hash(StaticAssets.FILES.subList(1, StaticAssets.FILES.size())));
        assertEquals("/static/js/app.js?v=" + assets.version(), assets.url("js/app.js"));
    }
}
