package io.tvarr.domain.relay.service;

import io.tvarr.domain.UnavailableException;
import io.tvarr.domain.proxy.TunerDevice;
import io.tvarr.domain.relay.port.in.Playback;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A tuner's stream: holds one of its device's tuners while it transfers and gives it back however the transfer
 * ends (the upstream ended, it failed, the client hung up). Taken at transfer, not at play, so a HEAD request takes
 * no tuner.
 */
final class TunerStream implements Playback.Stream {
    private final Playback.Stream stream;
    private final TunerDevice device;
    private final String named;
    private final TunerLeases leases;

    /** @param named the proxy as the request named it, for the refusal */
    TunerStream(Playback.Stream stream, TunerDevice device, String named, TunerLeases leases) {
        this.stream = stream;
        this.device = device;
        this.named = named;
        this.leases = leases;
    }

    @Override
    public String contentType() {
        return stream.contentType();
    }

    @Override
    public void transferTo(OutputStream out, Runnable beforeFirstBytes) throws IOException {
        if (!leases.tryAcquire(device.proxy(), device.tunerCount())) {
            throw new UnavailableException(
                    "HDHomeRun device of proxy '" + named + "': all " + device.tunerCount() + " tuner(s) in use", 0);
        }
        try {
            stream.transferTo(out, beforeFirstBytes);
        } finally {
            leases.release(device.proxy());
        }
    }
}
