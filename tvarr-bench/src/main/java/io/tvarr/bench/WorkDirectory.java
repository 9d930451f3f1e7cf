package io.tvarr.bench;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** A bench's temporary directory: its input files and the core's data dir; {@link #close()} deletes it all. */
public final class WorkDirectory implements Closeable {
    private final Path path;

    private WorkDirectory(Path path) {
        this.path = path;
    }

    public static WorkDirectory create(String prefix) throws IOException {
        return new WorkDirectory(Files.createTempDirectory(prefix));
    }

    public Path path() {
        return path;
    }

    public Path resolve(String name) {
        return path.resolve(name);
    }

    /** Deletes the directory and everything in it; close the core writing into it first. */
    @Override
    public void close() throws IOException {
        try (var files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
