package org.ondes.bench;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Heap figures while something runs: the highest heap use seen by polling every millisecond (garbage included), and
 * the highest heap use right after a garbage collection (what was still reachable, the figure that shows whether
 * memory stays flat). With {@code forceGcEveryMillis > 0} the sampler also asks for a collection at that interval,
 * so the live-heap figure is sampled many times during a run; such runs are for memory only, not for timing.
 */
final class HeapSampler implements AutoCloseable {
    record Figures(long beforeBytes, long peakUsedBytes, long peakAfterGcBytes, int collections) {
        String row(String label) {
            return String.format("%-44s heap before %7.1f MiB   peak used %7.1f MiB (+%6.1f)   peak after GC %7.1f MiB (+%6.1f)   GCs %d",
                    label, mib(beforeBytes), mib(peakUsedBytes), mib(peakUsedBytes - beforeBytes), mib(peakAfterGcBytes),
                    mib(peakAfterGcBytes - beforeBytes), collections);
        }
    }

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private final long before;
    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = (notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            GarbageCollectionNotificationInfo info =
                    GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            long after = info.getGcInfo().getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum()
                    - nonHeap(info);
            peakAfterGc.accumulateAndGet(after, Math::max);
            collections.incrementAndGet();
        }
    };
    private final Thread poller;
    private volatile boolean running = true;

    /** Collects garbage, records the heap in use, then starts sampling. */
    HeapSampler(long forceGcEveryMillis) {
        settle();
        before = MEMORY.getHeapMemoryUsage().getUsed();
        peakUsed.set(before);
        peakAfterGc.set(before);
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter e) {
                e.addNotificationListener(listener, null, null);
                emitters.add(e);
            }
        }
        poller = new Thread(() -> {
            long lastGc = System.nanoTime();
            while (running) {
                peakUsed.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
                if (forceGcEveryMillis > 0 && System.nanoTime() - lastGc > forceGcEveryMillis * 1_000_000) {
                    System.gc();
                    lastGc = System.nanoTime();
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        poller.setDaemon(true);
        poller.start();
    }

    Figures stop() throws InterruptedException {
        running = false;
        poller.join();
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(listener);
            } catch (javax.management.ListenerNotFoundException ignored) {
                // already gone
            }
        }
        return new Figures(before, peakUsed.get(), peakAfterGc.get(), (int) collections.get());
    }

    @Override
    public void close() throws InterruptedException {
        if (running) {
            stop();
        }
    }

    /** Heap in use after a full collection: what is reachable now. */
    static long liveHeap() {
        settle();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private static void settle() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
    }

    /** The GC info covers every memory pool; only heap pools count here. */
    private static long nonHeap(GarbageCollectionNotificationInfo info) {
        long sum = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.NON_HEAP) {
                MemoryUsage u = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
                if (u != null) {
                    sum += u.getUsed();
                }
            }
        }
        return sum;
    }
}
