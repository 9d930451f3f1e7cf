package io.tvarr.pipeline.output;

import io.tvarr.domain.StorageException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * Publishes a file so readers only ever see a complete one: the content goes to a temporary file in the same
 * directory, is forced to disk, then renamed over the target atomically. If writing fails, the temporary file is
 * removed and the previous target stays as it was.
 */
public final class AtomicPublisher {

    /** Writes the target through the given writer (which must not close the stream it is handed). */
    public void publish(Path target, Consumer<OutputStream> writer) {
        Path directory = target.toAbsolutePath().getParent();
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            temporary = Files.createTempFile(directory, "." + target.getFileName(), ".partial");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                    OutputStream out =
                            new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel), 64 * 1024)) {
                writer.accept(out);
                out.flush();
                channel.force(true);
            }
            move(temporary, target);
        } catch (IOException e) {
            throw new StorageException("output " + target + ": could not be published (" + e.getMessage() + ")", e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    // the rename already happened or the disk is gone; nothing more to do here
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
