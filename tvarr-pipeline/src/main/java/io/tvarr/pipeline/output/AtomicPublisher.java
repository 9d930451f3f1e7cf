package io.tvarr.pipeline.output;

import io.tvarr.domain.StorageException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Publishes files so readers only ever see complete ones: content goes to a temporary file in the target's
 * directory, is forced to disk, then renamed over the target atomically. Several files can be written first as
 * drafts and renamed together at the end, so a failure while writing the second leaves the first unpublished
 * too. A draft closed without being published is deleted and the previous target stays as it was.
 */
public final class AtomicPublisher {

    /** A completely written, durable file waiting to replace its target. */
    public static final class Draft implements AutoCloseable {
        private final Path temporary;
        private final Path target;
        private boolean published;

        private Draft(Path temporary, Path target) {
            this.temporary = temporary;
            this.target = target;
        }

        public void publish() {
            try {
                try {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
                published = true;
            } catch (IOException e) {
                throw new StorageException("output " + target + ": could not be published (" + e.getMessage() + ")", e);
            }
        }

        /** The file name the draft publishes under. */
        public String name() {
            return target.getFileName().toString();
        }

        /** Where the written content is: the temporary file until published, the target after. */
        public Path content() {
            return published ? target : temporary;
        }

        public long size() {
            try {
                return Files.size(published ? target : temporary);
            } catch (IOException e) {
                return -1;
            }
        }

        @Override
        public void close() {
            if (!published) {
                deleteQuietly(temporary);
            }
        }
    }

    /** Two drafts written in one pass, published or discarded together by their owner. */
    public record Drafts(Draft first, Draft second) implements AutoCloseable {
        public void publish() {
            first.publish();
            second.publish();
        }

        @Override
        public void close() {
            try {
                first.close();
            } finally {
                second.close();
            }
        }
    }

    /**
     * Writes drafts of two targets in one pass, for files that describe the same content and must not need two
     * passes over it (a playlist and its lineup). Neither writer argument may be closed.
     */
    public Drafts write(Path first, Path second, BiConsumer<OutputStream, OutputStream> writer) {
        Draft[] inner = new Draft[1];
        try {
            Draft outer = write(first, out -> inner[0] = write(second, secondOut -> writer.accept(out, secondOut)));
            return new Drafts(outer, inner[0]);
        } catch (RuntimeException e) {
            if (inner[0] != null) {
                inner[0].close();
            }
            throw e;
        }
    }

    /** Writes a draft of the target through the given writer (which must not close the stream it is handed). */
    public Draft write(Path target, Consumer<OutputStream> writer) {
        Path directory = target.toAbsolutePath().getParent();
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            temporary = Files.createTempFile(directory, "." + target.getFileName(), ".partial");
            permissionsFor(temporary, target);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                    OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024)) {
                writer.accept(out);
                out.flush();
                channel.force(true);
            }
            return new Draft(temporary, target);
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new StorageException("output " + target + ": could not be written (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            deleteQuietly(temporary);
            throw e;
        }
    }

    /**
     * Temporary files are created owner-only; a published playlist is meant to be read by whatever serves it (a
     * web server, a player reading {@code tvarr generate}'s output), so it gets the permissions of the file it
     * replaces, or those of a plain file. File systems without POSIX permissions are left alone.
     */
    private static void permissionsFor(Path temporary, Path target) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        view.setPermissions(permissions);
    }

    /** Writes and publishes one file. */
    public void publish(Path target, Consumer<OutputStream> writer) {
        try (Draft draft = write(target, writer)) {
            draft.publish();
        }
    }

    private static void deleteQuietly(@org.jspecify.annotations.Nullable Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the disk is gone or the file is held open; a leftover .partial file is harmless and never served
        }
    }
}
