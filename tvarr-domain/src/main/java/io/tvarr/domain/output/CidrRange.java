package io.tvarr.domain.output;

import io.tvarr.domain.ValidationException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * A block of IPv4 or IPv6 addresses in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}); a bare address is a
 * block of one. Only address literals are read, never host names, so parsing never asks DNS. An IPv4-mapped IPv6
 * address ({@code ::ffff:192.168.1.2}) is its IPv4 address, in ranges and in {@link #contains}.
 *
 * @param network the first address of the block (host bits are cleared)
 * @param prefix the number of leading bits every address of the block shares: 0-32 for IPv4, 0-128 for IPv6
 */
public record CidrRange(InetAddress network, int prefix) {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final int MAX_TEXT = 64;

    public CidrRange {
        network = canonical(network);
        int bits = network.getAddress().length * 8;
        if (prefix < 0 || prefix > bits) {
            throw new ValidationException("prefix: " + prefix + " (expected: 0-" + bits + ")");
        }
        network = masked(network, prefix);
    }

    /** Reads {@code address/prefix} or a bare address. */
    public static CidrRange parse(String text) {
        return parse(text, "range");
    }

    /**
     * Reads {@code address/prefix} or a bare address.
     *
     * @param field named in the error when the text is not a range
     */
    public static CidrRange parse(String text, String field) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String addressText = slash < 0 ? trimmed : trimmed.substring(0, slash);
        InetAddress address = parseAddress(addressText, field + ": '" + text + "'");
        int bits = address.getAddress().length * 8;
        if (slash < 0) {
            return new CidrRange(address, bits);
        }
        String prefixText = trimmed.substring(slash + 1);
        // ::ffff:10.0.0.0/104 is 10.0.0.0/8: the mapped block's first 96 bits are the mapping prefix
        int offset = addressText.contains(":") && address instanceof Inet4Address ? 96 : 0;
        if (!prefixText.matches("\\d{1,3}")) {
            throw invalidPrefix(text, field, offset, bits);
        }
        int prefix = Integer.parseInt(prefixText) - offset;
        if (prefix < 0 || prefix > bits) {
            throw invalidPrefix(text, field, offset, bits);
        }
        return new CidrRange(address, prefix);
    }

    /**
     * Reads an IPv4 or IPv6 address literal, never looking a name up; an IPv4-mapped IPv6 address becomes IPv4.
     *
     * @param place what the error names as the bad value, such as {@code "X-Forwarded-For: 'x'"}
     * @throws ValidationException when the text is not an address literal
     */
    public static InetAddress parseAddress(String text, String place) {
        String trimmed = text.strip();
        try {
            if (IPV4.matcher(trimmed).matches()) {
                String[] parts = trimmed.split("\\.");
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int octet = Integer.parseInt(parts[i]);
                    if (octet > 255) {
                        throw notAnAddress(place);
                    }
                    bytes[i] = (byte) octet;
                }
                return InetAddress.getByAddress(bytes);
            }
            if (trimmed.length() <= MAX_TEXT
                    && trimmed.contains(":")
                    && IPV6.matcher(trimmed).matches()) {
                // in brackets the JDK reads an IPv6 literal or fails; it never falls back to a name look-up
                return canonical(InetAddress.getByName("[" + trimmed + "]"));
            }
        } catch (UnknownHostException e) {
            throw notAnAddress(place);
        }
        throw notAnAddress(place);
    }

    /** Whether the address lies in this block; an IPv4 address is never in an IPv6 block, nor the reverse. */
    public boolean contains(InetAddress address) {
        byte[] candidate = canonical(address).getAddress();
        byte[] first = network.getAddress();
        if (candidate.length != first.length) {
            return false;
        }
        return Arrays.equals(mask(candidate, prefix), first);
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefix;
    }

    /** IPv4-mapped IPv6 (::ffff:a.b.c.d) as the IPv4 address, so one rule covers both forms of a client. */
    private static InetAddress canonical(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != 16) {
            return address;
        }
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return address;
            }
        }
        if (bytes[10] != (byte) 0xff || bytes[11] != (byte) 0xff) {
            return address;
        }
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    private static InetAddress masked(InetAddress address, int prefix) {
        try {
            return InetAddress.getByAddress(mask(address.getAddress(), prefix));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address's own length is always valid", e);
        }
    }

    private static byte[] mask(byte[] bytes, int prefix) {
        byte[] out = bytes.clone();
        for (int i = 0; i < out.length; i++) {
            int kept = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] = (byte) (out[i] & (0xff << (8 - kept)));
        }
        return out;
    }

    private static ValidationException notAnAddress(String place) {
        return new ValidationException(
                place + " (expected: an IPv4 or IPv6 address, such as 192.168.1.0/24 or fd00::/8)");
    }

    private static ValidationException invalidPrefix(String text, String field, int offset, int bits) {
        return new ValidationException(field + ": '" + text + "' (expected: a prefix length " + offset + "-"
                + (offset + bits) + " after the '/')");
    }
}
