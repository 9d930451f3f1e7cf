package io.tvarr.domain.ingestion.service;

/** What the ingestion's reading threads ({@link ChannelHandoff}, {@link StoredIdsRead}) share. */
final class ReaderThreads {
    private ReaderThreads() {}

    /**
     * Waits for {@code thread} to end even when interrupted (a read must not outlive the ingestion that started it),
     * then sets the caller's interrupt again if one came.
     */
    static void awaitEnd(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
