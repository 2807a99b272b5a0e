package org.ondes.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JwtSecretTest {
    @Test
    void generatedOnceThenReusedAcrossRestarts(@TempDir Path dir) throws Exception {
        String first = JwtSecret.resolve(null, dir);
        String second = JwtSecret.resolve("", dir);
        assertEquals(first, second);
        assertTrue(first.length() >= 43, "at least 256 bits");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(JwtSecret.FILE_NAME))));
    }

    @Test
    void environmentWinsButMustBeLongEnough(@TempDir Path dir) {
        String env = "e".repeat(40);
        assertEquals(env, JwtSecret.resolve(env, dir));
        assertThrows(IllegalStateException.class, () -> JwtSecret.resolve("too-short", dir));
    }
}
