package io.tvarr.persistence.proxy;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.StorageException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.port.out.PublishedOutputRepository;
import io.tvarr.persistence.sql.Database;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Generations in table {@code proxy_output}, their files in {@code proxy_output_chunk} a chunk per row. A
 * generation's number is one above the proxy's highest, taken by inserting its row: two instances that take the same
 * number collide on the primary key and the loser takes the next. Each chunk is its own statement and each read
 * fetches one chunk, so neither side holds more than a chunk and no transaction lasts as long as a file.
 */
public final class JdbiPublishedOutputRepository implements PublishedOutputRepository {
    /** Below MariaDB's smallest default {@code max_allowed_packet} (4 MiB), with room for the statement. */
    public static final int CHUNK_BYTES = 1024 * 1024;

    private static final int NUMBER_ATTEMPTS = 10;
    private static final int MAX_NAME = 64;

    private final Database db;

    public JdbiPublishedOutputRepository(Database db) {
        this.db = db;
    }

    @Override
    public long insertGeneration(ProxyId proxy, String instance, Map<String, Path> files) {
        for (String name : files.keySet()) {
            if (name.length() > MAX_NAME) {
                throw new ValidationException("file: '" + name + "' (expected: at most " + MAX_NAME + " characters)");
            }
        }
        long generation = newNumber(proxy, instance);
        try {
            for (Map.Entry<String, Path> file : files.entrySet()) {
                insertChunks(proxy, generation, file.getKey(), file.getValue());
            }
            db.withHandle(h -> h.createUpdate(
                            "UPDATE proxy_output SET complete = 1 WHERE proxy_id = :proxy AND generation = :generation")
                    .bind("proxy", proxy.toString())
                    .bind("generation", generation)
                    .execute());
            return generation;
        } catch (RuntimeException e) {
            try {
                delete(proxy, "generation = :generation", generation);
            } catch (RuntimeException cleanup) {
                // left incomplete, it is never read, and the next complete generation's pruning removes it
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private long newNumber(ProxyId proxy, String instance) {
        StorageException last = null;
        for (int attempt = 0; attempt < NUMBER_ATTEMPTS; attempt++) {
            try {
                return db.inTransaction(h -> {
                    long next = h.createQuery(
                                            "SELECT COALESCE(MAX(generation), 0) FROM proxy_output WHERE proxy_id = :proxy")
                                    .bind("proxy", proxy.toString())
                                    .mapTo(Long.class)
                                    .one()
                            + 1;
                    h.createUpdate("INSERT INTO proxy_output (proxy_id, generation, instance, complete)"
                                    + " VALUES (:proxy, :generation, :instance, 0)")
                            .bind("proxy", proxy.toString())
                            .bind("generation", next)
                            .bind("instance", instance)
                            .execute();
                    return next;
                });
            } catch (StorageException e) {
                // another instance took this number (or a deadlock on the index): the next look sees its row
                last = e;
            }
        }
        throw new StorageException(
                "proxy " + proxy + ": no generation number after " + NUMBER_ATTEMPTS + " attempts (" + last.getMessage()
                        + ")",
                last);
    }

    private void insertChunks(ProxyId proxy, long generation, String name, Path file) {
        byte[] buffer = new byte[CHUNK_BYTES];
        try (InputStream in = Files.newInputStream(file)) {
            int seq = 0;
            int read;
            do {
                read = in.readNBytes(buffer, 0, CHUNK_BYTES);
                // an empty file still has one (empty) chunk, so every stored file is listed
                if (read > 0 || seq == 0) {
                    byte[] data = read == CHUNK_BYTES ? buffer : Arrays.copyOf(buffer, read);
                    int number = seq++;
                    db.withHandle(h -> h.createUpdate("INSERT INTO proxy_output_chunk"
                                    + " (proxy_id, generation, file, seq, data)"
                                    + " VALUES (:proxy, :generation, :file, :seq, :data)")
                            .bind("proxy", proxy.toString())
                            .bind("generation", generation)
                            .bind("file", name)
                            .bind("seq", number)
                            .bind("data", data)
                            .execute());
                }
            } while (read == CHUNK_BYTES);
        } catch (IOException e) {
            throw new StorageException(
                    "output " + file + ": could not be read to be shared (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public OptionalLong newestGeneration(ProxyId proxy) {
        Optional<Long> newest = db.withHandle(
                h -> h.createQuery("SELECT MAX(generation) FROM proxy_output WHERE proxy_id = :proxy AND complete = 1")
                        .bind("proxy", proxy.toString())
                        .mapTo(Long.class)
                        .findOne());
        return newest.map(OptionalLong::of).orElseGet(OptionalLong::empty);
    }

    @Override
    public void readGeneration(ProxyId proxy, long generation, FileSink sink) {
        Map<String, Integer> files = db.withHandle(h -> {
            Map<String, Integer> lastChunks = new LinkedHashMap<>();
            h.createQuery("SELECT c.file, MAX(c.seq) AS last_seq FROM proxy_output_chunk c"
                            + " JOIN proxy_output o ON o.proxy_id = c.proxy_id AND o.generation = c.generation"
                            + " WHERE c.proxy_id = :proxy AND c.generation = :generation AND o.complete = 1"
                            + " GROUP BY c.file ORDER BY c.file")
                    .bind("proxy", proxy.toString())
                    .bind("generation", generation)
                    .map((rs, ctx) -> lastChunks.put(rs.getString("file"), rs.getInt("last_seq")))
                    .list();
            return lastChunks;
        });
        if (files.isEmpty()) {
            throw gone(proxy, generation);
        }
        for (Map.Entry<String, Integer> file : files.entrySet()) {
            try (InputStream content = new ChunkStream(proxy, generation, file.getKey(), file.getValue())) {
                sink.accept(file.getKey(), content);
            } catch (IOException e) {
                throw new StorageException("output " + file.getKey() + " of proxy " + proxy + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public int deleteOlderThan(ProxyId proxy, long generation) {
        return delete(proxy, "generation < :generation", generation);
    }

    private int delete(ProxyId proxy, String which, long generation) {
        // chunks first: SQLite enforces the cascade only when a connection turned foreign keys on
        return db.inTransaction(h -> {
            h.createUpdate("DELETE FROM proxy_output_chunk WHERE proxy_id = :proxy AND " + which)
                    .bind("proxy", proxy.toString())
                    .bind("generation", generation)
                    .execute();
            return h.createUpdate("DELETE FROM proxy_output WHERE proxy_id = :proxy AND " + which)
                    .bind("proxy", proxy.toString())
                    .bind("generation", generation)
                    .execute();
        });
    }

    private static NotFoundException gone(ProxyId proxy, long generation) {
        return new NotFoundException("proxy " + proxy + ": generation " + generation + " is not stored");
    }

    /** One file's chunks in order, each fetched when the previous is used up. */
    private final class ChunkStream extends InputStream {
        private final ProxyId proxy;
        private final long generation;
        private final String file;
        private final int lastSeq;
        private int nextSeq;
        private byte[] chunk = new byte[0];
        private int position;

        ChunkStream(ProxyId proxy, long generation, String file, int lastSeq) {
            this.proxy = proxy;
            this.generation = generation;
            this.file = file;
            this.lastSeq = lastSeq;
        }

        @Override
        public int read() {
            if (!fill()) {
                return -1;
            }
            return chunk[position++] & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int count = Math.min(length, chunk.length - position);
            System.arraycopy(chunk, position, into, offset, count);
            position += count;
            return count;
        }

        /** False at the end of the file; fetches chunks until one has bytes left. */
        private boolean fill() {
            while (position == chunk.length) {
                if (nextSeq > lastSeq) {
                    return false;
                }
                int seq = nextSeq++;
                chunk = db.withHandle(h -> h.createQuery("SELECT data FROM proxy_output_chunk WHERE proxy_id = :proxy"
                                        + " AND generation = :generation AND file = :file AND seq = :seq")
                                .bind("proxy", proxy.toString())
                                .bind("generation", generation)
                                .bind("file", file)
                                .bind("seq", seq)
                                .mapTo(byte[].class)
                                .findOne())
                        .orElseThrow(() -> gone(proxy, generation));
                position = 0;
            }
            return true;
        }
    }
}
