package io.tvarr.persistence.source;

import io.tvarr.domain.StorageException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.source.port.out.SourceFileStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Uploaded playlists and guides as files in one directory, each under a new random name. An upload is streamed
 * into a hidden temporary file beside its target, forced to disk and renamed into place, so a source never reads a
 * partial file; a failed upload leaves nothing. Files stay owner-only: a playlist may hold provider credentials.
 * Only names this store makes are ever deleted, so no URL can reach outside the directory. Thread-safe.
 */
public final class DirectorySourceFileStore implements SourceFileStore {
    private static final Pattern SUFFIX = Pattern.compile("(\\.[a-z0-9]{1,8}){1,2}");
    private static final Pattern NAME =
            Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}(\\.[a-z0-9]{1,8}){1,2}");

    private final Path directory;

    /** @param directory where the files live, created on the first upload */
    public DirectorySourceFileStore(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    @Override
    public URI store(String suffix, InputStream content) {
        if (!SUFFIX.matcher(suffix).matches()) {
            throw new ValidationException("suffix '" + suffix + "' (expected: such as .m3u or .xml.gz)");
        }
        String name = UUID.randomUUID() + suffix;
        Path target = directory.resolve(name);
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            temporary = Files.createTempFile(directory, "." + name, ".partial");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(channel)) {
                content.transferTo(out);
                channel.force(true);
            }
            moveIntoPlace(temporary, target);
            temporary = null;
            return target.toUri();
        } catch (IOException e) {
            throw new StorageException(
                    "upload " + name + ": cannot be written to " + directory + " (" + e.getMessage() + ")", e);
        } finally {
            deleteLeftover(temporary);
        }
    }

    @Override
    public boolean delete(URI url) {
        Path file = ownFile(url);
        if (file == null) {
            return false;
        }
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new StorageException(
                    "upload " + file.getFileName() + ": cannot be deleted (" + e.getMessage() + ")", e);
        }
    }

    /** The file {@code url} names when it is one this store made; null for any other URL. */
    private @Nullable Path ownFile(URI url) {
        if (!"file".equalsIgnoreCase(url.getScheme())) {
            return null;
        }
        Path file;
        try {
            file = Path.of(url).toAbsolutePath().normalize();
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException notAPath) {
            // a file: URL with a host or a query is no file of ours
            return null;
        }
        boolean ours = directory.equals(file.getParent())
                && NAME.matcher(file.getFileName().toString()).matches();
        return ours ? file : null;
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target);
        }
    }

    private static void deleteLeftover(@Nullable Path temporary) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            // the disk is gone or the file is held open; a leftover hidden .partial file is never a source's file
        }
    }
}
