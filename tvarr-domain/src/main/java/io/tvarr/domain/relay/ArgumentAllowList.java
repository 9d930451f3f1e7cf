package io.tvarr.domain.relay;

import io.tvarr.domain.ValidationException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The FFmpeg options a relay profile may add, each followed by one value. A profile can tune FFmpeg, never make
 * it read or write anything else: no {@code -i}, no {@code -f}, no output files, no values that look like options.
 */
public final class ArgumentAllowList {
    /** Input options a profile may add. */
    public static final Set<String> INPUT = Set.of(
            "-analyzeduration", "-probesize", "-fflags", "-thread_queue_size", "-rtbufsize", "-reconnect_delay_max");
    /** Output options a profile may add. */
    public static final Set<String> OUTPUT = Set.of(
            "-preset", "-tune", "-profile:v", "-level", "-g", "-maxrate", "-bufsize", "-ac", "-ar", "-pix_fmt", "-crf");

    private ArgumentAllowList() {}

    static void check(List<String> args, Set<String> allowed, String field) {
        if (args.size() % 2 != 0) {
            throw new ValidationException(field + ": expected option/value pairs, got " + args.size() + " items");
        }
        for (int i = 0; i < args.size(); i += 2) {
            String option = args.get(i);
            String value = args.get(i + 1);
            if (!allowed.contains(option)) {
                throw new ValidationException(
                        field + ": '" + option + "' is not allowed (allowed: " + new TreeSet<>(allowed) + ")");
            }
            boolean looksLikeOption = value.startsWith("-") && !value.matches("-?\\d+(\\.\\d+)?");
            if (looksLikeOption || value.contains("\n") || value.contains("\r") || value.isBlank()) {
                throw new ValidationException(field + ": value '" + value + "' of " + option + " is not allowed");
            }
        }
    }
}
