package io.tvarr.domain.output;

import io.tvarr.domain.Checks;
import io.tvarr.domain.SecretTokens;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.proxy.ProxyId;
import java.net.InetAddress;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Who may read one proxy's outputs.
 *
 * @param allowedRanges the client addresses a {@link AccessMode#LAN} proxy answers; kept in the other modes so a
 *     switch back to LAN finds them again
 * @param token the secret of a {@link AccessMode#TOKEN} proxy (at least 32 URL-safe characters); null in the other
 *     modes, so leaving token mode and coming back gives a new token and old URLs stay dead
 */
public record OutputAccess(
        ProxyId proxy,
        AccessMode mode,
        List<CidrRange> allowedRanges,
        @Nullable String token) {
    /** The private, loopback, link-local and carrier-grade NAT networks of IPv4 and IPv6. */
    public static final List<CidrRange> PRIVATE_RANGES = List.of(
            CidrRange.parse("127.0.0.0/8"),
            CidrRange.parse("10.0.0.0/8"),
            CidrRange.parse("172.16.0.0/12"),
            CidrRange.parse("192.168.0.0/16"),
            CidrRange.parse("169.254.0.0/16"),
            CidrRange.parse("100.64.0.0/10"),
            CidrRange.parse("::1/128"),
            CidrRange.parse("fc00::/7"),
            CidrRange.parse("fe80::/10"));

    public static final int MAX_RANGES = 100;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{32,128}");

    public OutputAccess {
        Checks.requireNonNull(proxy, "proxy");
        Checks.requireNonNull(mode, "mode");
        Checks.requireMaxSize(allowedRanges, MAX_RANGES, "allowed_ranges");
        allowedRanges = List.copyOf(allowedRanges);
        if (new HashSet<>(allowedRanges).size() != allowedRanges.size()) {
            throw new ValidationException("allowed_ranges: contains duplicates");
        }
        if (mode == AccessMode.LAN && allowedRanges.isEmpty()) {
            throw new ValidationException("allowed_ranges: required when mode is lan (expected: at least one range)");
        }
        if (mode == AccessMode.TOKEN) {
            if (token == null || !TOKEN.matcher(token).matches()) {
                throw new ValidationException("token: required in token mode (expected: 32-128 URL-safe characters)");
            }
        } else {
            token = null;
        }
    }

    /** What every proxy has until it is changed: the local networks only. */
    public static OutputAccess defaults(ProxyId proxy) {
        return new OutputAccess(proxy, AccessMode.LAN, PRIVATE_RANGES, null);
    }

    /**
     * The proxy's name in the URLs tvarr publishes: the token in token mode, so a player given one URL can open
     * every stream the playlist lists; else the id.
     */
    public String outputKey() {
        return token != null ? token : proxy.toString();
    }

    /** Whether the client's address lies in one of the allowed ranges. */
    public boolean allows(InetAddress client) {
        for (CidrRange range : allowedRanges) {
            if (range.contains(client)) {
                return true;
            }
        }
        return false;
    }

    /** Constant-time comparison with the token, so response times do not tell how much of a guess was right. */
    public boolean tokenIs(@Nullable String candidate) {
        if (token == null || candidate == null) {
            return false;
        }
        return SecretTokens.same(token, candidate);
    }

    @Override
    public String toString() {
        // the token is a secret: never in logs or exception messages
        return "OutputAccess[proxy=" + proxy + ", mode=" + mode + ", allowedRanges=" + allowedRanges + "]";
    }
}
