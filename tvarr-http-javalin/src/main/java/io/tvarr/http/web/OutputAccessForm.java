package io.tvarr.http.web;

import io.javalin.http.Context;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.output.AccessMode;
import io.tvarr.domain.output.CidrRange;
import io.tvarr.domain.output.OutputAccess;
import io.tvarr.domain.output.port.in.ChangeOutputAccessCommand;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The output access form as typed: the mode and the LAN ranges, one a line. */
public record OutputAccessForm(String mode, String ranges) {
    public static final List<String> MODES =
            List.of(Shown.wire(AccessMode.OPEN), Shown.wire(AccessMode.LAN), Shown.wire(AccessMode.TOKEN));

    static OutputAccessForm of(OutputAccess access) {
        return new OutputAccessForm(
                Shown.wire(access.mode()),
                access.allowedRanges().stream().map(CidrRange::toString).collect(Collectors.joining("\n")));
    }

    static OutputAccessForm read(Context ctx) {
        String mode = ctx.formParam("mode");
        String ranges = ctx.formParam("allowed_ranges");
        return new OutputAccessForm(mode == null ? "" : mode, ranges == null ? "" : ranges);
    }

    /** Blank lines are skipped; each range keeps its line's place in the message of a bad one. */
    ChangeOutputAccessCommand toCommand() {
        AccessMode parsed;
        try {
            parsed = AccessMode.valueOf(mode.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("mode: '" + mode + "' (expected: open, lan or token)");
        }
        List<String> lines =
                ranges.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return ChangeOutputAccessCommand.of(parsed, lines);
    }

    /** The domain names a bad range {@code allowed_ranges[2]}: shown next to the ranges field all the same. */
    static FormErrors errors(ValidationException e) {
        String message = e.getMessage() == null ? "invalid" : e.getMessage();
        if (message.startsWith("allowed_ranges")) {
            return new FormErrors(java.util.Map.of("allowed_ranges", message), null);
        }
        return FormErrors.of(e, java.util.Set.of("mode"));
    }
}
