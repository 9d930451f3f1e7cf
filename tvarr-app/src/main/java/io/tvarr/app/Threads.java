package io.tvarr.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Background work runs on virtual threads where the runtime has them (Java 21+), else on a cached pool. */
final class Threads {
    private Threads() {}

    static ExecutorService background(String name) {
        try {
            return (ExecutorService)
                    Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (ReflectiveOperationException e) {
            return Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, name);
                thread.setDaemon(true);
                return thread;
            });
        }
    }
}
