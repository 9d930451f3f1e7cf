package io.tvarr.persistence.logo;

import io.tvarr.domain.logo.port.out.LogoFileRepository;
import io.tvarr.persistence.proxy.JdbiPublishedOutputRepository;
import io.tvarr.persistence.sql.Database;
import io.tvarr.persistence.sql.Vendor;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Logo files in table {@code logo_file}, their bytes in {@code logo_file_chunk} a chunk per row (a MiB at most, below
 * MariaDB's smallest {@code max_allowed_packet}). A file's row and chunks are written in one transaction, so a file
 * whose row is there is whole; two instances storing one logo at once collide on the row's key and the second stores
 * nothing (the name is the content).
 */
public final class JdbiLogoFileRepository implements LogoFileRepository {
    private static final int CHUNK_BYTES = JdbiPublishedOutputRepository.CHUNK_BYTES;

    private final Database db;
    private final String insertIfNew;

    public JdbiLogoFileRepository(Database db) {
        this.db = db;
        String values = " INTO logo_file (file_name, size) VALUES (:file_name, :size)";
        this.insertIfNew = db.vendor() == Vendor.MYSQL
                ? "INSERT IGNORE" + values
                : "INSERT" + values + " ON CONFLICT (file_name) DO NOTHING";
    }

    @Override
    public void insert(String fileName, byte[] bytes) {
        db.inTransaction(h -> {
            int inserted = h.createUpdate(insertIfNew)
                    .bind("file_name", fileName)
                    .bind("size", (long) bytes.length)
                    .execute();
            if (inserted == 0) {
                return null; // stored already, by this instance or another
            }
            for (int seq = 0; seq * CHUNK_BYTES < bytes.length || seq == 0; seq++) {
                int from = seq * CHUNK_BYTES;
                h.createUpdate("INSERT INTO logo_file_chunk (file_name, seq, data) VALUES (:file_name, :seq, :data)")
                        .bind("file_name", fileName)
                        .bind("seq", seq)
                        .bind("data", Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + CHUNK_BYTES)))
                        .execute();
            }
            return null;
        });
    }

    @Override
    public Optional<byte[]> find(String fileName) {
        return db.withHandle(h -> {
            Optional<Long> size = h.createQuery("SELECT size FROM logo_file WHERE file_name = :file_name")
                    .bind("file_name", fileName)
                    .mapTo(Long.class)
                    .findOne();
            if (size.isEmpty()) {
                return Optional.empty();
            }
            List<byte[]> chunks = h.createQuery(
                            "SELECT data FROM logo_file_chunk WHERE file_name = :file_name ORDER BY seq")
                    .bind("file_name", fileName)
                    .mapTo(byte[].class)
                    .list();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) (long) size.get());
            chunks.forEach(chunk -> bytes.write(chunk, 0, chunk.length));
            return Optional.of(bytes.toByteArray());
        });
    }

    @Override
    public boolean delete(String fileName) {
        return db.inTransaction(h -> {
            h.createUpdate("DELETE FROM logo_file_chunk WHERE file_name = :file_name")
                    .bind("file_name", fileName)
                    .execute();
            return h.createUpdate("DELETE FROM logo_file WHERE file_name = :file_name")
                            .bind("file_name", fileName)
                            .execute()
                    == 1;
        });
    }

    @Override
    public void forEachFileName(Consumer<String> fileName) {
        db.stream(h -> h.createQuery("SELECT file_name FROM logo_file").mapTo(String.class), fileName);
    }
}
