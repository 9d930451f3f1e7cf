package io.tvarr.persistence.epg;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Blocks through PostgreSQL's {@code COPY … FROM STDIN} in its binary format, one {@code COPY} per batch: the server
 * neither parses nor plans a statement per row, and the driver sends the rows as one stream of 64 KiB messages. The
 * binary tuple is the column count, then each value's length and bytes: {@code varchar} as UTF-8 (the driver's
 * client encoding), {@code bigint} and {@code integer} big-endian, {@code bytea} as is. A {@code COPY} that fails is
 * cancelled, so the connection is usable (and the transaction rolls back) as after a failed statement.
 */
final class CopiedBlockInserts implements BlockInserts {
    private static final String COPY =
            "COPY " + ProgrammeBlockWriter.TABLE + " (" + COLUMNS + ") FROM STDIN (FORMAT BINARY)";
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final short FIELDS = 7;
    private static final int BUFFER = 64 * 1024;

    private final CopyManager copy;
    private final byte[] source;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);

    CopiedBlockInserts(CopyManager copy, String source) {
        this.copy = copy;
        this.source = source.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void insert(List<ProgrammeBlock> blocks) throws SQLException {
        CopyIn in = copy.copyIn(COPY);
        try {
            buffer.clear();
            // header: signature, flags (no OIDs), length of the header extension
            buffer.put(SIGNATURE).putInt(0).putInt(0);
            for (ProgrammeBlock block : blocks) {
                room(in, 2 + 4 + source.length);
                buffer.putShort(FIELDS);
                buffer.putInt(source.length).put(source);
                field(in, block.channel().getBytes(StandardCharsets.UTF_8));
                room(in, 3 * (4 + 8) + 4 + 4);
                buffer.putInt(8).putLong(block.startAt());
                buffer.putInt(8).putLong(block.stopAt());
                buffer.putInt(8).putLong(block.firstStopAt());
                buffer.putInt(4).putInt(block.count());
                field(in, block.programmes());
            }
            room(in, 2);
            buffer.putShort((short) -1);
            send(in);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private void field(CopyIn in, byte[] value) throws SQLException {
        room(in, 4);
        buffer.putInt(value.length);
        if (value.length > buffer.remaining()) {
            // a value larger than the room left goes out on its own, not copied through the buffer
            send(in);
            in.writeToCopy(value, 0, value.length);
        } else {
            buffer.put(value);
        }
    }

    private void room(CopyIn in, int bytes) throws SQLException {
        if (buffer.remaining() < bytes) {
            send(in);
        }
    }

    private void send(CopyIn in) throws SQLException {
        if (buffer.position() > 0) {
            in.writeToCopy(buffer.array(), 0, buffer.position());
            buffer.clear();
        }
    }
}
