package io.tvarr.domain.xtream.port.in;

import io.tvarr.domain.Checks;
import io.tvarr.domain.relay.ClientInfo;

/** A player asking for {@code /live/{username}/{password}/{streamId}.ts}. */
public record PlayXtreamChannelCommand(String username, String password, int streamId, ClientInfo client) {
    public PlayXtreamChannelCommand {
        Checks.requireNonNull(username, "username");
        Checks.requireNonNull(password, "password");
        Checks.requireNonNull(client, "client");
    }

    @Override
    public String toString() {
        return "PlayXtreamChannelCommand[username=" + username + ", password=****, streamId=" + streamId + "]";
    }
}
