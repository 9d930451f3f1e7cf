package io.tvarr.domain.relay.service;

import io.tvarr.domain.UnavailableException;
import io.tvarr.domain.proxy.TunerDevice;
import io.tvarr.domain.relay.port.in.Playback;
import java.io.IOException;
import java.io.OutputStream;
import java.util.OptionalInt;

/**
 * A tuner's stream: holds one of its device's tuners while it transfers and gives it back however the transfer
 * ends (the upstream ended, it failed, the client hung up). Taken at transfer, not at play, so a HEAD request takes
 * no tuner.
 */
final class TunerStream implements Playback.Stream {
    private final Playback.Stream stream;
    private final TunerDevice device;
    private final String named;
    private final TunerLeases.TunerUse use;
    private final TunerLeases leases;

    /**
     * @param named the proxy as the request named it, for the refusal
     * @param use what the tuner streams, for the device's status
     */
    TunerStream(
            Playback.Stream stream, TunerDevice device, String named, TunerLeases.TunerUse use, TunerLeases leases) {
        this.stream = stream;
        this.device = device;
        this.named = named;
        this.use = use;
        this.leases = leases;
    }

    @Override
    public String contentType() {
        return stream.contentType();
    }

    @Override
    public void transferTo(OutputStream out, Runnable beforeFirstBytes) throws IOException {
        OptionalInt tuner = leases.tryAcquire(device.proxy(), device.tunerCount(), use);
        if (tuner.isEmpty()) {
            throw new UnavailableException(
                    "HDHomeRun device of proxy '" + named + "': all " + device.tunerCount() + " tuner(s) in use", 0);
        }
        try {
            stream.transferTo(out, beforeFirstBytes);
        } finally {
            leases.release(device.proxy(), tuner.getAsInt());
        }
    }
}
