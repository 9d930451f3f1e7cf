package io.tvarr.domain.logo.port.out;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/** The cached logo files, named {@code sha256.ext}. */
public interface LogoStore {
    /** Stores the bytes under the name; storing the same name again is a no-op (the name is the content). */
    void write(String fileName, byte[] bytes);

    Optional<Path> find(String fileName);

    boolean delete(String fileName);

    void forEachFile(Consumer<String> fileName);
}
