package io.tvarr.domain.xtream.port.in;

import io.tvarr.domain.Checks;
import io.tvarr.domain.relay.ClientInfo;

/**
 * A player asking for {@code /movie/{username}/{password}/{id}.{ext}} or {@code /series/{username}/{password}/{id}.{ext}}.
 *
 * @param id the door's movie {@code stream_id} or episode {@code id}
 */
public record PlayXtreamVodCommand(String username, String password, Kind kind, int id, ClientInfo client) {
    /** What the id names. */
    public enum Kind {
        MOVIE,
        EPISODE
    }

    public PlayXtreamVodCommand {
        Checks.requireNonNull(username, "username");
        Checks.requireNonNull(password, "password");
        Checks.requireNonNull(kind, "kind");
        Checks.requireNonNull(client, "client");
    }

    @Override
    public String toString() {
        return "PlayXtreamVodCommand[username=" + username + ", password=****, kind=" + kind + ", id=" + id + "]";
    }
}
