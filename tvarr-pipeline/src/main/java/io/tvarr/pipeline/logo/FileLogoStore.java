package io.tvarr.pipeline.logo;

import io.tvarr.domain.StorageException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.logo.port.out.LogoStore;
import io.tvarr.pipeline.output.AtomicPublisher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Logo files in one directory, written atomically so a half-written logo is never served. Names are checked
 * against {@code sha256.ext}, so no name can reach outside the directory.
 */
public final class FileLogoStore implements LogoStore {
    private static final Pattern NAME = Pattern.compile("[0-9a-f]{64}\\.(png|jpg|gif|webp|svg)");

    private final Path directory;
    private final AtomicPublisher publisher = new AtomicPublisher();

    public FileLogoStore(Path directory) {
        this.directory = directory;
    }

    @Override
    public void write(String fileName, byte[] bytes) {
        Path target = resolve(fileName);
        if (Files.isRegularFile(target)) {
            return;
        }
        publisher.publish(target, out -> {
            try {
                out.write(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public Optional<Path> find(String fileName) {
        if (!NAME.matcher(fileName).matches()) {
            return Optional.empty();
        }
        Path file = directory.resolve(fileName);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    @Override
    public boolean delete(String fileName) {
        try {
            return Files.deleteIfExists(resolve(fileName));
        } catch (IOException e) {
            throw new StorageException("logo " + fileName + ": cannot be deleted (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void forEachFile(Consumer<String> fileName) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (NAME.matcher(name).matches()) {
                    fileName.accept(name);
                }
            }
        } catch (IOException e) {
            throw new StorageException(
                    "logo directory " + directory + ": cannot be listed (" + e.getMessage() + ")", e);
        }
    }

    private Path resolve(String fileName) {
        if (!NAME.matcher(fileName).matches()) {
            throw new ValidationException("logo file '" + fileName + "' (expected: sha256.png|jpg|gif|webp|svg)");
        }
        return directory.resolve(fileName);
    }
}
