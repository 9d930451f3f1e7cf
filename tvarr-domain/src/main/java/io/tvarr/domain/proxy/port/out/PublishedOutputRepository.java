package io.tvarr.domain.proxy.port.out;

import io.tvarr.domain.proxy.ProxyId;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The published outputs of every proxy, shared by the instances on one store: each generation is numbered, its
 * numbers only grow per proxy, and it counts once all its files are in. Files go in and come out as streams, a
 * bounded chunk at a time, whatever their size. Deleting a proxy deletes its generations. Implementations are
 * thread-safe.
 */
public interface PublishedOutputRepository {
    /**
     * Stores the files as the proxy's next generation, read from disk as they go in, and makes it complete once the
     * last byte is stored.
     *
     * @param files name (at most 64 characters) to the file holding its content
     * @param instance the instance that generated them, for the record
     * @return the generation's number, higher than that of every generation of the proxy stored before it
     */
    long insertGeneration(ProxyId proxy, String instance, Map<String, Path> files);

    /** The number of the proxy's newest complete generation; empty when it has none. */
    OptionalLong newestGeneration(ProxyId proxy);

    /**
     * Hands each file of a complete generation to the sink, in name order, as a stream read from the store a chunk at a
     * time while the sink reads it (the stream is closed after the sink returns).
     *
     * @throws io.tvarr.domain.NotFoundException when the generation is not (or no longer) stored, also when it is
     *     removed while being read
     */
    void readGeneration(ProxyId proxy, long generation, FileSink sink);

    /** Removes the proxy's generations numbered below {@code generation}; returns how many. */
    int deleteOlderThan(ProxyId proxy, long generation);

    /** Receives one stored file. */
    @FunctionalInterface
    interface FileSink {
        /** Reads {@code content} (not closing it is fine); a failure stops the read and propagates. */
        void accept(String name, InputStream content);
    }
}
