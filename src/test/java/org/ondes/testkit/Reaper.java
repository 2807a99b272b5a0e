package org.ondes.testkit;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Safety net: every external process the testkit starts is registered here and killed
 * (with its descendants) by a JVM shutdown hook if a test forgot to close it.
 */
final class Reaper {

    private static final Set<ProcessHandle> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Reaper::killAll, "ondes-testkit-reaper"));
    }

    private Reaper() {
    }

    static void register(ProcessHandle handle) {
        LIVE.add(handle);
    }

    static void unregister(ProcessHandle handle) {
        LIVE.remove(handle);
    }

    /** SIGTERM, wait up to {@code graceMillis}, then SIGKILL; descendants first. */
    static void kill(ProcessHandle handle, long graceMillis) {
        handle.descendants().forEach(child -> terminate(child, graceMillis));
        terminate(handle, graceMillis);
        unregister(handle);
    }

    private static void terminate(ProcessHandle handle, long graceMillis) {
        if (!handle.isAlive()) {
            return;
        }
        handle.destroy();
        try {
            handle.onExit().get(graceMillis, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            handle.destroyForcibly();
            try {
                handle.onExit().get(2, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // nothing more we can do
            }
        }
    }

    private static void killAll() {
        for (ProcessHandle handle : LIVE) {
            handle.descendants().forEach(ProcessHandle::destroyForcibly);
            handle.destroyForcibly();
        }
    }
}
