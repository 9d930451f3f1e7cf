package io.tvarr.domain.ingestion;

import io.tvarr.domain.ValidationException;
import java.util.Locale;
import java.util.Optional;

/**
 * How much of a source's stored data one ingestion may drop before it needs confirmation. An ingestion yielding
 * nothing always needs it, even the first one; with nothing stored yet, any other yield is fine.
 *
 * @param maxDropPercent the largest drop applied unasked, 0-100: 50 applies 500 of 1,000 channels but not 499; 0
 *     asks for any loss; 100 asks only when nothing is left
 */
public record DropLimit(int maxDropPercent) {
    /** At most half of the stored data may go unasked. */
    public static final DropLimit DEFAULT = new DropLimit(50);

    public DropLimit {
        if (maxDropPercent < 0 || maxDropPercent > 100) {
            throw new ValidationException("max_drop_percent: " + maxDropPercent + " (expected: 0-100)");
        }
    }

    /**
     * Why replacing {@code stored} records with {@code incoming} ones needs confirmation, or empty when it does not.
     *
     * @param unit what is counted, plural: {@code "channels"}, {@code "programmes"}
     */
    public Optional<String> objection(long stored, long incoming, String unit) {
        if (incoming == 0 && stored == 0) {
            return Optional.of("yielded no " + unit + ": nothing stored; accept to store an empty source");
        }
        if (incoming == 0) {
            return Optional.of(
                    format("yielded no %s where %,d are stored: previous data kept; accept to apply", unit, stored));
        }
        if (incoming >= stored || (stored - incoming) * 100 <= (long) maxDropPercent * stored) {
            return Optional.empty();
        }
        long percent = Math.round((stored - incoming) * 100.0 / stored);
        return Optional.of(format(
                "would keep %,d of %,d %s (\u2212%d %%, more than the %d %% allowed): previous data kept;"
                        + " accept to apply",
                incoming, stored, unit, percent, maxDropPercent));
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
