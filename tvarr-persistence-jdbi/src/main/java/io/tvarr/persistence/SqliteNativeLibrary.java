package io.tvarr.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * A copy of sqlite-jdbc's native library kept in a directory of the user's, so that a start loads it from there
 * instead of having the driver write it to the temporary directory and compare it byte by byte with the jar's
 * (tens of milliseconds of every start, #19). A copy is used only when its size and CRC-32 equal those the jar
 * records for the library, so a copy of another driver version, or a truncated one, is written again. The
 * directory is made owner-only, and one that others may write to is not used: the library is code the JVM loads.
 * When anything fails (no such library for this platform, a driver not in a jar, a directory that cannot be
 * written), nothing is set and the driver extracts the library as it always does.
 */
public final class SqliteNativeLibrary {
    private static final Logger log = LoggerFactory.getLogger(SqliteNativeLibrary.class);
    /** sqlite-jdbc's settings: where its library is, and (for its own extraction) its temporary directory. */
    static final String LIBRARY_PATH = "org.sqlite.lib.path";

    static final String LIBRARY_NAME = "org.sqlite.lib.name";
    static final String TEMPORARY_DIRECTORY = "org.sqlite.tmpdir";

    private final Path directory;
    private final ClassLoader loader;

    public SqliteNativeLibrary(Path directory) {
        this(directory, SqliteNativeLibrary.class.getClassLoader());
    }

    SqliteNativeLibrary(Path directory, ClassLoader loader) {
        this.directory = directory;
        this.loader = loader;
    }

    /**
     * Points the driver at the copy ({@link #copy()}) through its system properties, unless they already name a
     * library; call before the first SQLite connection of the process. Never throws.
     */
    public void use() {
        if (System.getProperty(LIBRARY_PATH) != null) {
            return;
        }
        copy().ifPresent(copy -> {
            System.setProperty(LIBRARY_PATH, copy.getParent().toString());
            System.setProperty(LIBRARY_NAME, copy.getFileName().toString());
            // the driver lists its temporary directory at every start to remove its old copies; this one is small
            System.setProperty(TEMPORARY_DIRECTORY, copy.getParent().toString());
        });
    }

    /**
     * The verified copy of this platform's library in the directory, written there first when missing or
     * different; empty when there is none to be had. Never throws.
     */
    Optional<Path> copy() {
        try {
            String folder = LibraryLoaderUtil.getNativeLibResourcePath();
            String resource = (folder.startsWith("/") ? folder.substring(1) : folder) + "/"
                    + LibraryLoaderUtil.getNativeLibName();
            URL url = loader.getResource(resource);
            if (url == null || !"jar".equals(url.getProtocol())) {
                return Optional.empty();
            }
            JarURLConnection connection = (JarURLConnection) url.openConnection();
            JarEntry entry = connection.getJarEntry();
            if (entry.getSize() < 0 || entry.getCrc() < 0) {
                return Optional.empty();
            }
            Path copy = directory.resolve(
                    "libsqlitejdbc-" + Long.toHexString(entry.getCrc()) + "-" + entry.getSize() + ".so");
            if (!privateDirectory()) {
                return Optional.empty();
            }
            if (Files.isRegularFile(copy) && matches(copy, entry)) {
                return Optional.of(copy);
            }
            write(url, copy, entry);
            removeOldCopies(copy);
            return Optional.of(copy);
        } catch (IOException | RuntimeException e) {
            log.debug("sqlite native library not cached directory={} reason={}", directory, e.toString());
            return Optional.empty();
        }
    }

    /** Creates the directory owner-only; false when it exists and others may write to it. */
    private boolean privateDirectory() throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory.getParent());
            try {
                Files.createDirectory(
                        directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another tvarr made it at the same moment
            }
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(directory);
        return !permissions.contains(PosixFilePermission.GROUP_WRITE)
                && !permissions.contains(PosixFilePermission.OTHERS_WRITE)
                && Files.getOwner(directory).getName().equals(System.getProperty("user.name"));
    }

    /** Written beside its final name and moved there once it checks out, so no start ever sees half a copy. */
    private void write(URL url, Path copy, JarEntry entry) throws IOException {
        Path partial = Files.createTempFile(directory, "libsqlitejdbc-", ".part");
        try {
            try (InputStream in = url.openStream();
                    OutputStream out = Files.newOutputStream(partial)) {
                in.transferTo(out);
            }
            if (!matches(partial, entry)) {
                throw new IOException("copy of " + url + " differs from the jar's");
            }
            try {
                Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /**
     * Removes the copies of other driver versions written a day or more before this one, so upgrades do not pile
     * libraries up in the user's cache. A recent one stays: a tvarr of that version may be starting to load it.
     */
    private void removeOldCopies(Path kept) {
        try (DirectoryStream<Path> copies = Files.newDirectoryStream(directory, "libsqlitejdbc-*.so")) {
            // the copy just written carries the file system's now: no clock of the JVM's is read
            Instant dayAgo = Files.getLastModifiedTime(kept).toInstant().minus(Duration.ofDays(1));
            for (Path other : copies) {
                if (!other.equals(kept)
                        && Files.getLastModifiedTime(other).toInstant().isBefore(dayAgo)) {
                    Files.deleteIfExists(other);
                }
            }
        } catch (IOException e) {
            log.debug("old sqlite native libraries not removed directory={} reason={}", directory, e.toString());
        }
    }

    private static boolean matches(Path file, JarEntry entry) throws IOException {
        if (Files.size(file) != entry.getSize()) {
            return false;
        }
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                crc.update(buffer, 0, read);
            }
        }
        return crc.getValue() == entry.getCrc();
    }
}
