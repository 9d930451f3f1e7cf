package io.tvarr.domain.relay.port.in;

import io.tvarr.domain.Checks;
import io.tvarr.domain.relay.ClientInfo;

/**
 * A player asking for a channel.
 *
 * @param proxy the proxy's id or slug
 * @param channel the channel's id as it appears in the proxy's playlist
 */
public record PlayChannelCommand(String proxy, String channel, ClientInfo client) {
    public PlayChannelCommand {
        Checks.requireNonNull(proxy, "proxy");
        Checks.requireNonNull(channel, "channel");
        Checks.requireNonNull(client, "client");
    }
}
