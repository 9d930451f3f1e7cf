package io.tvarr.domain.channel;

import io.tvarr.domain.Ids;
import io.tvarr.domain.source.SourceId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.UUID;

/**
 * Identity of a channel. Derived from the source and the provider's stable key, so the same provider
 * entry keeps its id across refreshes and numbering, mappings and favourites survive.
 */
public record ChannelId(UUID value) {
    private static final MessageDigest MD5 = newMd5();

    public ChannelId {
        Objects.requireNonNull(value, "value");
    }

    /**
     * The name-based (version 3) UUID of source and key, as {@link UUID#nameUUIDFromBytes} makes it, on a clone of
     * one MD5 digest instead of a provider look-up per id ({@code MessageDigest.getInstance} was 3-4 % of a
     * 100k-channel refresh, #19). Thread-safe: the prototype is never updated, only cloned.
     */
    public static ChannelId of(SourceId source, String externalKey) {
        byte[] name = (source.value() + "\u0000" + externalKey).getBytes(StandardCharsets.UTF_8);
        byte[] md5 = md5().digest(name);
        md5[6] = (byte) ((md5[6] & 0x0f) | 0x30); // version 3
        md5[8] = (byte) ((md5[8] & 0x3f) | 0x80); // IETF variant
        return new ChannelId(new UUID(bigEndianLong(md5, 0), bigEndianLong(md5, 8)));
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5: every JDK has it", e);
        }
    }

    public static ChannelId parse(String text) {
        return new ChannelId(Ids.parseUuid(text, "channel id"));
    }

    private static MessageDigest md5() {
        try {
            return (MessageDigest) MD5.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("MD5: the JDK's digest cannot be cloned", e);
        }
    }

    private static long bigEndianLong(byte[] bytes, int from) {
        long value = 0;
        for (int i = from; i < from + 8; i++) {
            value = (value << 8) | (bytes[i] & 0xff);
        }
        return value;
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
