package io.tvarr.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** Peak heap use since the last reset, summed over the heap pools, as the JVM records it. */
public final class PeakHeap {
    private PeakHeap() {}

    public static void reset() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    public static long megabytes() {
        long bytes = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
        return bytes / (1024 * 1024);
    }

    public static long maxMegabytes() {
        return Runtime.getRuntime().maxMemory() / (1024 * 1024);
    }
}
