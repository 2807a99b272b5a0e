package org.ondes.federation.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lowers the CPU priority of the calling thread (its Linux nice value), so that whenever the cores are contended the
 * kernel runs the threads serving requests (YP touches, pages) first and delivery work in what is left: at nice 10 a
 * thread weighs about a tenth of a normal one. Any process may lower its own threads' priority; the thread is found
 * through {@code /proc/thread-self} and reniced with util-linux {@code renice}. Elsewhere (not Linux, no renice) the
 * thread keeps its priority, and this is logged once.
 */
final class ThreadNice {
    private static final Logger LOG = LoggerFactory.getLogger(ThreadNice.class);
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private ThreadNice() {
    }

    /** Sets the calling thread's nice value to {@code nice} (1–19; 0 or less: leaves it); true when it was set. */
    static boolean lower(int nice) {
        if (nice <= 0) {
            return false;
        }
        try {
            String tid = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString(); // <pid>/task/<tid>
            if (!tid.matches("[0-9]{1,10}")) {
                throw new IOException("unexpected /proc/thread-self: " + tid);
            }
            Process renice = new ProcessBuilder("renice", "--priority", Integer.toString(Math.min(19, nice)), "-p", tid)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!renice.waitFor(10, TimeUnit.SECONDS)) {
                renice.destroyForcibly();
                throw new IOException("renice did not finish");
            }
            if (renice.exitValue() != 0) {
                throw new IOException("renice exited with " + renice.exitValue());
            }
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            if (WARNED.compareAndSet(false, true)) {
                LOG.warn("Could not lower the CPU priority of the federation delivery threads ({}); they run at normal "
                        + "priority, paced by their CPU share only", e.toString());
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The calling thread's nice value as the kernel has it (Linux), for tests and logs. */
    static int current() throws IOException {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]); // field 19 of stat; fields[0] is field 3
    }
}
