package io.tvarr.http.hdhr;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * A packet of the SiliconDust discovery protocol (UDP 65001): a big-endian type and payload length, the payload as
 * tag-length-value fields, then the CRC-32 of all that, little-endian. A length under 128 takes one byte; a longer
 * one two, the low seven bits first with the high bit set, then the rest.
 */
record DiscoveryPacket(int type, List<Field> fields) {
    static final int DISCOVER_REQUEST = 0x0002;
    static final int DISCOVER_REPLY = 0x0003;
    static final int TAG_DEVICE_TYPE = 0x01;
    static final int TAG_DEVICE_ID = 0x02;
    static final int TAG_TUNER_COUNT = 0x10;
    static final int TAG_LINEUP_URL = 0x27;
    static final int TAG_BASE_URL = 0x2A;
    static final int TAG_DEVICE_AUTH = 0x2B;
    static final int TAG_MULTI_TYPE = 0x2D;
    static final int DEVICE_TYPE_TUNER = 0x0000_0001;
    static final int WILDCARD = 0xFFFF_FFFF;

    /** One tag-length-value field. */
    record Field(int tag, byte[] value) {
        static Field ofInt(int tag, int value) {
            return new Field(tag, ByteBuffer.allocate(4).putInt(value).array());
        }

        static Field ofText(int tag, String value) {
            // libhdhomerun reads strings up to a NUL, so one is sent
            byte[] text = value.getBytes(StandardCharsets.UTF_8);
            byte[] terminated = new byte[text.length + 1];
            System.arraycopy(text, 0, terminated, 0, text.length);
            return new Field(tag, terminated);
        }

        /** The four-byte values the field holds (one for a type or id, several for a multi-type list). */
        List<Integer> ints() {
            List<Integer> ints = new ArrayList<>();
            ByteBuffer buffer = ByteBuffer.wrap(value);
            while (buffer.remaining() >= 4) {
                ints.add(buffer.getInt());
            }
            return ints;
        }
    }

    DiscoveryPacket {
        fields = List.copyOf(fields);
    }

    Optional<Field> field(int tag) {
        return fields.stream().filter(f -> f.tag() == tag).findFirst();
    }

    byte[] encode() {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        for (Field field : fields) {
            payload.write(field.tag());
            int length = field.value().length;
            if (length < 0x80) {
                payload.write(length);
            } else {
                payload.write(0x80 | (length & 0x7F));
                payload.write(length >> 7);
            }
            payload.writeBytes(field.value());
        }
        byte[] body = payload.toByteArray();
        ByteBuffer packet = ByteBuffer.allocate(4 + body.length + 4);
        packet.putShort((short) type).putShort((short) body.length).put(body);
        CRC32 crc = new CRC32();
        crc.update(packet.array(), 0, 4 + body.length);
        packet.order(ByteOrder.LITTLE_ENDIAN).putInt((int) crc.getValue());
        return packet.array();
    }

    /** The packet in {@code data}, or empty when it is too short, its lengths disagree or its CRC is wrong. */
    static Optional<DiscoveryPacket> decode(byte[] data, int length) {
        if (length < 8) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(data, 0, length);
        int type = buffer.getShort() & 0xFFFF;
        int payloadLength = buffer.getShort() & 0xFFFF;
        if (4 + payloadLength + 4 != length) {
            return Optional.empty();
        }
        CRC32 crc = new CRC32();
        crc.update(data, 0, 4 + payloadLength);
        int sent = ByteBuffer.wrap(data, 4 + payloadLength, 4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .getInt();
        if (sent != (int) crc.getValue()) {
            return Optional.empty();
        }
        List<Field> fields = new ArrayList<>();
        int end = 4 + payloadLength;
        while (buffer.position() < end) {
            if (end - buffer.position() < 2) {
                return Optional.empty();
            }
            int tag = buffer.get() & 0xFF;
            int fieldLength = buffer.get() & 0xFF;
            if ((fieldLength & 0x80) != 0) {
                if (buffer.position() >= end) {
                    return Optional.empty();
                }
                fieldLength = (fieldLength & 0x7F) | (buffer.get() & 0xFF) << 7;
            }
            if (end - buffer.position() < fieldLength) {
                return Optional.empty();
            }
            byte[] value = new byte[fieldLength];
            buffer.get(value);
            fields.add(new Field(tag, value));
        }
        return Optional.of(new DiscoveryPacket(type, fields));
    }
}
