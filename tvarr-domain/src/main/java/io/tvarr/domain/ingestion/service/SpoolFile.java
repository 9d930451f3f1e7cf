package io.tvarr.domain.ingestion.service;

import io.tvarr.domain.StorageException;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A temporary file written once from the start and then read once from the start, through one 64 KiB buffer: what an
 * ingestion read, held on disk until it is stored. Values are written as they come (texts as UTF-8 with a length
 * before them), so its memory does not grow with the entries.
 *
 * <p>The file is opened with {@link StandardOpenOption#DELETE_ON_CLOSE}: on Linux and macOS the JDK unlinks it as soon
 * as it is open (it never shows in the directory, and a crash leaves nothing behind), on Windows the system deletes it
 * when its handle closes, the end of the process included. {@link #close()} releases it in every case. Not
 * thread-safe: one ingesting thread writes, then reads.
 */
final class SpoolFile implements AutoCloseable {
    private static final int BUFFER = 64 * 1024;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final Path file;
    private final FileChannel channel;
    private final byte[] bytes = new byte[BUFFER];
    private final ByteBuffer buffer = ByteBuffer.wrap(bytes);
    /** Writing: the next free byte. Reading: the next byte to read. */
    private int position;
    /** Reading: the end of the bytes read into the buffer. */
    private int limit;

    private boolean reading;

    private SpoolFile(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** A new empty spool file in the directory, which is made if need be. */
    static SpoolFile create(Path directory) {
        Path file = directory.resolve("ingest-" + UUID.randomUUID() + ".spool");
        try {
            Files.createDirectories(directory);
            return new SpoolFile(
                    file,
                    FileChannel.open(
                            file,
                            StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.READ,
                            StandardOpenOption.WRITE,
                            StandardOpenOption.DELETE_ON_CLOSE));
        } catch (IOException e) {
            throw new StorageException("ingestion spool " + file + ": cannot be created (" + e + ")", e);
        }
    }

    void writeByte(int value) {
        if (position == BUFFER) {
            drain();
        }
        bytes[position++] = (byte) value;
    }

    void writeLong(long value) {
        if (position > BUFFER - Long.BYTES) {
            drain();
        }
        LONGS.set(bytes, position, value);
        position += Long.BYTES;
    }

    /** An unsigned LEB128 number: small counts and lengths take one byte. */
    void writeCount(long value) {
        if (position > BUFFER - 10) {
            drain();
        }
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            bytes[position++] = (byte) ((rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        bytes[position++] = (byte) rest;
    }

    /** A signed number, zigzag-encoded so small negative ones stay short too. */
    void writeSigned(long value) {
        writeCount((value << 1) ^ (value >> 63));
    }

    /** A text or null: its UTF-8 length plus one (0 for null), then its bytes. */
    void writeText(@Nullable String text) {
        if (text == null) {
            writeByte(0);
            return;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        writeCount(utf8.length + 1L);
        int done = 0;
        while (done < utf8.length) {
            if (position == BUFFER) {
                drain();
            }
            int chunk = Math.min(utf8.length - done, BUFFER - position);
            System.arraycopy(utf8, done, bytes, position, chunk);
            position += chunk;
            done += chunk;
        }
    }

    /** Ends the writing: what was written is read from its start from now on. */
    void rewind() {
        if (reading) {
            throw new IllegalStateException("spool " + file + ": already rewound");
        }
        drain();
        try {
            channel.position(0);
        } catch (IOException e) {
            throw failure("read", e);
        }
        reading = true;
        position = 0;
        limit = 0;
    }

    int readByte() {
        require(1);
        return bytes[position++] & 0xFF;
    }

    long readLong() {
        require(Long.BYTES);
        long value = (long) LONGS.get(bytes, position);
        position += Long.BYTES;
        return value;
    }

    long readCount() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw damaged("a number runs past 64 bits");
    }

    long readSigned() {
        long zigzag = readCount();
        return (zigzag >>> 1) ^ -(zigzag & 1);
    }

    int readInt() {
        long value = readSigned();
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw damaged("number " + value + " where an int was written");
        }
        return (int) value;
    }

    @Nullable
    String readText() {
        long stored = readCount();
        if (stored == 0) {
            return null;
        }
        if (stored - 1 > Integer.MAX_VALUE - 8) {
            throw damaged("text of " + (stored - 1) + " bytes");
        }
        int length = (int) (stored - 1);
        if (length <= BUFFER) {
            require(length);
            String text = new String(bytes, position, length, StandardCharsets.UTF_8);
            position += length;
            return text;
        }
        byte[] utf8 = new byte[length];
        int done = 0;
        while (done < length) {
            if (position == limit) {
                require(1);
            }
            int chunk = Math.min(length - done, limit - position);
            System.arraycopy(bytes, position, utf8, done, chunk);
            position += chunk;
            done += chunk;
        }
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /** A text written as not null. */
    String readRequiredText() {
        String text = readText();
        if (text == null) {
            throw damaged("no text where one was written");
        }
        return text;
    }

    /** Writes the buffer out whole. */
    private void drain() {
        buffer.clear().limit(position);
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            throw failure("write", e);
        }
        position = 0;
    }

    /** Makes at least {@code count} (at most the buffer's size) unread bytes stand in the buffer. */
    private void require(int count) {
        if (limit - position >= count) {
            return;
        }
        int unread = limit - position;
        System.arraycopy(bytes, position, bytes, 0, unread);
        position = 0;
        limit = unread;
        buffer.clear().position(limit);
        try {
            while (limit < count) {
                int read = channel.read(buffer);
                if (read < 0) {
                    throw damaged("ends before the entries written");
                }
                limit += read;
            }
        } catch (IOException e) {
            throw failure("read", e);
        }
    }

    private StorageException failure(String verb, IOException e) {
        return new StorageException("ingestion spool " + file + ": could not " + verb + " (" + e.getMessage() + ")", e);
    }

    private StorageException damaged(String what) {
        return new StorageException("ingestion spool " + file + ": damaged, " + what);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // the file is deleted on close by the system; a failing close leaves nothing this ingestion needs
        }
    }
}
