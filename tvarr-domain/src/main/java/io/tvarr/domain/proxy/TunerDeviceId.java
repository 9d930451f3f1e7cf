package io.tvarr.domain.proxy;

import io.tvarr.domain.ValidationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * An HDHomeRun DeviceID: 32 bits written as 8 hex digits, whose last digit is a checksum of the others, as
 * HDHomeRun clients check (Plex ignores a device whose id fails it).
 *
 * <p>The check XORs the eight nibbles from the most significant on, the 1st, 3rd, 5th and 7th through a fixed
 * substitution table and the others as they are; a valid id XORs to zero. So the last nibble is the XOR of the
 * other seven after substitution.
 */
public record TunerDeviceId(int value) {
    private static final int[] SUBSTITUTION = {
        0xA, 0x5, 0xF, 0x6, 0x7, 0xC, 0x1, 0xB, 0x9, 0x2, 0x8, 0xD, 0x4, 0x3, 0xE, 0x0
    };

    public TunerDeviceId {
        if (!isValid(value)) {
            throw new ValidationException(
                    "device_id: " + hex(value) + " (expected: 8 hex digits passing the HDHomeRun checksum)");
        }
    }

    /**
     * The id of a proxy's device: the same for the same proxy on every start and every machine, and different per
     * proxy (28 bits of a SHA-256 of the proxy id; the first digit is 1, like SiliconDust's own tuners, which also
     * keeps clear of the wildcard FFFFFFFF).
     */
    public static TunerDeviceId of(ProxyId proxy) {
        byte[] hash = sha256("hdhomerun-device-id:" + proxy);
        int bits = ((hash[0] & 0xFF) << 24 | (hash[1] & 0xFF) << 16 | (hash[2] & 0xFF) << 8 | (hash[3] & 0xFF)) >>> 8;
        int withoutChecksum = 0x1000_0000 | (bits << 4 & 0x0FFF_FFF0);
        return new TunerDeviceId(withoutChecksum | checksum(withoutChecksum));
    }

    /** Whether the 8 hex digits of {@code value} pass the HDHomeRun checksum. */
    public static boolean isValid(int value) {
        return checksum(value & 0xFFFF_FFF0) == (value & 0xF);
    }

    /** Upper-case, 8 digits, as devices write it in discover.json. */
    public String hex() {
        return hex(value);
    }

    /**
     * A DeviceAuth for the device: clients pass it back to the device only (a real one uses it with SiliconDust's
     * guide service, which tvarr's devices do not use), so it only needs to be stable and unguessable from outside.
     */
    public static String authOf(ProxyId proxy) {
        byte[] hash = sha256("hdhomerun-device-auth:" + proxy);
        return java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(hash)
                .substring(0, 24);
    }

    /** The checksum nibble for the upper seven nibbles of {@code value} (the lowest nibble is ignored). */
    private static int checksum(int value) {
        int sum = 0;
        for (int shift = 28; shift >= 4; shift -= 4) {
            int nibble = value >>> shift & 0xF;
            sum ^= (shift / 4) % 2 == 1 ? SUBSTITUTION[nibble] : nibble;
        }
        return sum;
    }

    private static String hex(int value) {
        return HexFormat.of().toHexDigits(value).toUpperCase(Locale.ROOT);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
