package io.tvarr.domain.logo.port.out;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * The cached logos' bytes in the database every instance shares, by file name ({@code sha256.ext}): each instance's
 * logo directory is a cache of it, so a logo one instance fetched is served by every other without asking the
 * provider again. Thread-safe.
 */
public interface LogoFileRepository {
    /**
     * Stores the bytes under the name, unless it is stored already (the name is the content). Atomic: no reader sees
     * part of a file.
     */
    void insert(String fileName, byte[] bytes);

    /** The file's bytes, whole; empty when no instance stored it. */
    Optional<byte[]> find(String fileName);

    boolean delete(String fileName);

    void forEachFileName(Consumer<String> fileName);
}
