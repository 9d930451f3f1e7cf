package io.tvarr.domain.output.port.in;

import io.tvarr.domain.Checks;
import io.tvarr.domain.output.AccessMode;
import io.tvarr.domain.output.CidrRange;
import io.tvarr.domain.output.OutputAccess;
import java.util.List;

/**
 * A new mode and ranges for a proxy. Entering token mode makes a new token; leaving it drops the token.
 *
 * @param allowedRanges the ranges of LAN mode; empty keeps the private ranges
 */
public record ChangeOutputAccessCommand(AccessMode mode, List<CidrRange> allowedRanges) {
    public ChangeOutputAccessCommand {
        Checks.requireNonNull(mode, "mode");
        allowedRanges = List.copyOf(Checks.requireMaxSize(allowedRanges, OutputAccess.MAX_RANGES, "allowed_ranges"));
    }

    /** Parses each range, naming the first bad one with its position. */
    public static ChangeOutputAccessCommand of(AccessMode mode, List<String> ranges) {
        Checks.requireMaxSize(ranges, OutputAccess.MAX_RANGES, "allowed_ranges");
        List<CidrRange> parsed = new java.util.ArrayList<>(ranges.size());
        for (int i = 0; i < ranges.size(); i++) {
            parsed.add(CidrRange.parse(ranges.get(i), "allowed_ranges[" + i + "]"));
        }
        return new ChangeOutputAccessCommand(mode, parsed);
    }
}
