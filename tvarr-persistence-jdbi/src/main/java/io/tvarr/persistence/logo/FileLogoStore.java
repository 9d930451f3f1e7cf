package io.tvarr.persistence.logo;

import io.tvarr.domain.StorageException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.logo.port.out.LogoStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Logo files in one directory, next to their rows in {@link JdbiLogoAssetRepository}. Each is written to a
 * temporary file, forced to disk and renamed into place, so a half-written logo is never served. Names are
 * checked against {@code sha256.ext}, so no name can reach outside the directory. Thread-safe.
 */
public final class FileLogoStore implements LogoStore {
    private static final Pattern NAME = Pattern.compile("[0-9a-f]{64}\\.(png|jpg|gif|webp|svg)");

    private final Path directory;

    public FileLogoStore(Path directory) {
        this.directory = directory;
    }

    @Override
    public void write(String fileName, byte[] bytes) {
        Path target = resolve(fileName);
        if (Files.isRegularFile(target)) {
            return;
        }
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            temporary = Files.createTempFile(directory, "." + fileName, ".partial");
            readableByAll(temporary);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            moveIntoPlace(temporary, target);
        } catch (IOException e) {
            throw new StorageException("logo " + fileName + ": cannot be written (" + e.getMessage() + ")", e);
        } finally {
            deleteLeftover(temporary);
        }
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

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Temporary files are created owner-only; a logo is public (served to players and browsers, perhaps by a web
     * server reading the directory), so it gets the permissions of a plain file. No POSIX, nothing to do.
     */
    private static void readableByAll(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view != null) {
            view.setPermissions(PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private static void deleteLeftover(@Nullable Path temporary) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            // the disk is gone or the file is held open; a leftover .partial file never matches NAME, so it is
            // neither served nor listed
        }
    }
}
