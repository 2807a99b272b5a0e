package org.ondes.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandDatabaseTest {
    @TempDir
    Path dir;

    private void pidFile(String... lines) throws IOException {
        Files.write(dir.resolve("postmaster.pid"), List.of(lines));
    }

    @Test
    void aPostmasterPidOfALiveProcessMeansTheServerRunsAndLineFourIsItsPort() throws IOException {
        assertFalse(CommandDatabase.running(dir), "no postmaster.pid: not running");
        pidFile(String.valueOf(ProcessHandle.current().pid()), dir.toString(), "1700000000", "54321", "/tmp",
                "127.0.0.1", "  1234   5678", "ready");
        assertTrue(CommandDatabase.running(dir));
        assertEquals(54321, CommandDatabase.runningPort(dir));
    }

    @Test
    void aStaleOrBrokenPidFileIsNotARunningServer() throws IOException {
        pidFile("999999999", dir.toString());
        assertFalse(CommandDatabase.running(dir), "no such process");
        pidFile("garbage");
        assertFalse(CommandDatabase.running(dir));
        pidFile(String.valueOf(ProcessHandle.current().pid()), dir.toString(), "1700000000");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CommandDatabase.runningPort(dir));
        assertTrue(e.getMessage().contains("names no port"), e.getMessage());
    }

    @Test
    void linksStartWithThePublicUrl() {
        assertEquals("https://ondes.example.org", PublicUrls.baseOf(" https://ondes.example.org/ ", 0));
        assertEquals("http://localhost:8080", PublicUrls.baseOf(null, 8080));
        assertEquals("http://localhost:9000", PublicUrls.baseOf("", 9000));
    }
}
