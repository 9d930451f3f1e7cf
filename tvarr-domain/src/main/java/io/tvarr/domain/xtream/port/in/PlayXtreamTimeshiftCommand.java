package io.tvarr.domain.xtream.port.in;

import io.tvarr.domain.Checks;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.relay.ClientInfo;
import java.util.regex.Pattern;

/**
 * A player asking for {@code /timeshift/{username}/{password}/{duration}/{start}/{streamId}.ts}: a recorded part of a
 * channel's past.
 *
 * @param durationMinutes how long, in minutes (1 to a week)
 * @param start where it starts, as panels write it: {@code YYYY-MM-DD:HH-MM} in the panel's time zone
 */
public record PlayXtreamTimeshiftCommand(
        String username, String password, int streamId, int durationMinutes, String start, ClientInfo client) {
    private static final Pattern START = Pattern.compile("\\d{4}-\\d{2}-\\d{2}:\\d{2}-\\d{2}");

    public PlayXtreamTimeshiftCommand {
        Checks.requireNonNull(username, "username");
        Checks.requireNonNull(password, "password");
        Checks.requireRange(durationMinutes, 1, 7 * 24 * 60, "duration");
        Checks.requireNonNull(start, "start");
        if (!START.matcher(start).matches()) {
            throw new ValidationException("start: '" + start + "' (expected: YYYY-MM-DD:HH-MM)");
        }
        Checks.requireNonNull(client, "client");
    }

    @Override
    public String toString() {
        return "PlayXtreamTimeshiftCommand[username=" + username + ", password=****, streamId=" + streamId
                + ", duration=" + durationMinutes + ", start=" + start + "]";
    }
}
