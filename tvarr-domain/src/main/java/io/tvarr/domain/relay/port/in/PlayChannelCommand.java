package io.tvarr.domain.relay.port.in;

import io.tvarr.domain.Checks;
import io.tvarr.domain.relay.ClientInfo;

/**
 * A player asking for a channel.
 *
 * @param proxy the proxy's id or slug
 * @param channel the channel's id as it appears in the proxy's playlist
 * @param tuner whether a tuner device's client asks (HDHomeRun lineup URLs): it is always relayed, a redirect
 *     proxy's channel passed through as proxy delivery would, since tuner clients take MPEG-TS from the tuner only
 */
public record PlayChannelCommand(String proxy, String channel, ClientInfo client, boolean tuner) {
    public PlayChannelCommand {
        Checks.requireNonNull(proxy, "proxy");
        Checks.requireNonNull(channel, "channel");
        Checks.requireNonNull(client, "client");
    }

    /** A player asking through the proxy's playlist, delivered the proxy's way. */
    public PlayChannelCommand(String proxy, String channel, ClientInfo client) {
        this(proxy, channel, client, false);
    }
}
