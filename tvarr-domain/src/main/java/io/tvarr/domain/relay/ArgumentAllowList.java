package io.tvarr.domain.relay;

import io.tvarr.domain.ValidationException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The FFmpeg options a relay profile may add: flags on their own ({@code -re}) and options followed by one value.
 * A profile can tune FFmpeg, never make it read or write anything else: no {@code -i}, no {@code -f}, no output
 * files, no values that look like options.
 */
public final class ArgumentAllowList {
    /** Input flags a profile may add, without a value. */
    public static final Set<String> INPUT_FLAGS = Set.of("-re", "-autorotate", "-noautorotate");
    /** Input options a profile may add. */
    public static final Set<String> INPUT = Set.of(
            "-analyzeduration", "-probesize", "-fflags", "-thread_queue_size", "-rtbufsize", "-reconnect_delay_max");
    /** Output options a profile may add. */
    public static final Set<String> OUTPUT = Set.of(
            "-preset", "-tune", "-profile:v", "-level", "-g", "-maxrate", "-bufsize", "-ac", "-ar", "-pix_fmt", "-crf");

    private ArgumentAllowList() {}

    static void check(List<String> args, Set<String> allowed, Set<String> flags, String field) {
        int i = 0;
        while (i < args.size()) {
            String option = args.get(i);
            if (flags.contains(option)) {
                i++;
                continue;
            }
            if (!allowed.contains(option)) {
                TreeSet<String> all = new TreeSet<>(allowed);
                all.addAll(flags);
                throw new ValidationException(field + ": '" + option + "' is not allowed (allowed: " + all + ")");
            }
            if (i + 1 >= args.size()) {
                throw new ValidationException(field + ": " + option + " needs a value");
            }
            String value = args.get(i + 1);
            i += 2;
            boolean looksLikeOption = value.startsWith("-") && !value.matches("-?\\d+(\\.\\d+)?");
            if (looksLikeOption || value.contains("\n") || value.contains("\r") || value.isBlank()) {
                throw new ValidationException(field + ": value '" + value + "' of " + option + " is not allowed");
            }
        }
    }
}
