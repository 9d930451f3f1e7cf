package io.tvarr.app;

import io.tvarr.domain.Checks;
import io.tvarr.domain.ValidationException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How this instance is known to the others on a shared database.
 *
 * @param id the name shown beside its jobs and relay sessions; null: the host name and a random suffix, new at each
 *     start (a fixed id lets a restarted instance take its own cut-off jobs back at once instead of after the lease)
 * @param lease how long a job this instance runs stays its own without a renewal; after that, another instance takes
 *     it over
 * @param heartbeat how often the instance renews its leases, looks for jobs the others queued and for instances that
 *     stopped; shorter than the lease
 */
public record InstanceSettings(@Nullable String id, Duration lease, Duration heartbeat) {
    public static final InstanceSettings DEFAULT =
            new InstanceSettings(null, Duration.ofSeconds(60), Duration.ofSeconds(15));

    public InstanceSettings {
        if (id != null && !id.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new ValidationException(
                    "instance.id: '" + id + "' (expected: 1-64 letters, digits, dots, dashes or underscores)");
        }
        Checks.requireNonNull(lease, "instance.lease");
        Checks.requireNonNull(heartbeat, "instance.heartbeat");
        if (heartbeat.isNegative() || heartbeat.isZero() || heartbeat.compareTo(lease) >= 0) {
            throw new ValidationException("instance.heartbeat: " + heartbeat
                    + " (expected: more than zero and less than the lease, " + lease + ")");
        }
    }

    /** The id to use for this start. */
    String resolveId() {
        if (id != null) {
            return id;
        }
        byte[] suffix = new byte[3];
        new SecureRandom().nextBytes(suffix);
        return host() + "-" + HexFormat.of().formatHex(suffix);
    }

    private static String host() {
        String name;
        try {
            name = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            name = "tvarr";
        }
        String clean = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "");
        int dot = clean.indexOf('.');
        clean = dot > 0 ? clean.substring(0, dot) : clean;
        return clean.isEmpty() ? "tvarr" : clean.substring(0, Math.min(clean.length(), 56));
    }
}
