package org.ondes.federation.delivery;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ThreadNiceTest {
    @Test
    void aDeliveryThreadLowersItsOwnPriorityAndNoOtherThreads() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "Linux only");
        int mine = ThreadNice.current();
        AtomicBoolean lowered = new AtomicBoolean();
        AtomicInteger after = new AtomicInteger(-1);
        Thread t = new Thread(() -> {
            lowered.set(ThreadNice.lower(10));
            try {
                after.set(ThreadNice.current());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        t.start();
        t.join();
        assertTrue(lowered.get(), "renice worked");
        assertEquals(10, after.get(), "the thread runs at nice 10");
        assertEquals(mine, ThreadNice.current(), "the calling thread keeps its priority");
    }

    @Test
    void zeroLeavesThePriorityAlone() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "Linux only");
        int before = ThreadNice.current();
        assertFalse(ThreadNice.lower(0));
        assertEquals(before, ThreadNice.current());
    }
}
