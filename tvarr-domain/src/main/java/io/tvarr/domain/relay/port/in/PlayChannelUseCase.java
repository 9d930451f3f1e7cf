package io.tvarr.domain.relay.port.in;

/** Plays a channel of a proxy the way the proxy delivers it. */
public interface PlayChannelUseCase {
    /**
     * Resolves the channel and says how the player gets it. Nothing is opened yet: a {@link Playback.Stream}
     * connects when its bytes are asked for.
     *
     * @throws io.tvarr.domain.NotFoundException when the proxy, the channel or the proxy's relay profile does not
     *     exist, or the channel is not from one of the proxy's sources
     */
    Playback play(PlayChannelCommand command);
}
