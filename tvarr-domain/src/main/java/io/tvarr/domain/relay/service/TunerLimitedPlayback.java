package io.tvarr.domain.relay.service;

import io.tvarr.domain.proxy.TunerDevice;
import io.tvarr.domain.proxy.port.in.DescribeTunerUseCase;
import io.tvarr.domain.relay.TunerStatus;
import io.tvarr.domain.relay.lease.SharedConnectionLimits;
import io.tvarr.domain.relay.port.in.PlayChannelCommand;
import io.tvarr.domain.relay.port.in.PlayChannelUseCase;
import io.tvarr.domain.relay.port.in.Playback;
import io.tvarr.domain.relay.port.in.ReadTunerStatusUseCase;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Playback with each HDHomeRun device's tuner count on top of the provider limits: a tuner request's stream holds
 * one of its device's tuners while it transfers, so a device whose sources have no limit (its count configured)
 * still refuses, as a real device does, once every tuner is busy. Two viewers of one channel take two tuners, though
 * the relay shares their upstream. Playlist requests take no tuner. With other instances on the database the count
 * holds across them. Thread-safe.
 */
public final class TunerLimitedPlayback implements PlayChannelUseCase, ReadTunerStatusUseCase {
    private final PlayChannelUseCase channels;
    private final DescribeTunerUseCase tuners;
    private final TunerLeases leases;

    public TunerLimitedPlayback(PlayChannelUseCase channels, DescribeTunerUseCase tuners) {
        this(channels, tuners, null);
    }

    /**
     * @param shared the tuner counts across instances: each tuner is a lease there; null when this instance is alone
     *     on its database
     */
    public TunerLimitedPlayback(
            PlayChannelUseCase channels, DescribeTunerUseCase tuners, @Nullable SharedConnectionLimits shared) {
        this.channels = channels;
        this.tuners = tuners;
        this.leases = new TunerLeases(shared);
    }

    @Override
    public Playback play(PlayChannelCommand command) {
        if (!command.tuner()) {
            return channels.play(command);
        }
        TunerDevice device = tuners.describe(command.proxy());
        Playback playback = channels.play(command);
        return playback instanceof Playback.Stream stream
                ? new TunerStream(
                        stream,
                        device,
                        command.proxy(),
                        new TunerLeases.TunerUse(
                                command.channel(), command.client().address()),
                        leases)
                : playback;
    }

    @Override
    public List<TunerStatus> status(String proxy) {
        TunerDevice device = tuners.describe(proxy);
        return leases.status(device.proxy(), "HDHomeRun device of proxy '" + proxy + "'", device.tunerCount());
    }
}
