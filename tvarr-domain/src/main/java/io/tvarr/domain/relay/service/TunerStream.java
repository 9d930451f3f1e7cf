package io.tvarr.domain.relay.service;

import io.tvarr.domain.UnavailableException;
import io.tvarr.domain.proxy.TunerDevice;
import io.tvarr.domain.relay.lease.RevocableOutput;
import io.tvarr.domain.relay.port.in.Playback;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/**
 * A tuner's stream: holds one of its device's tuners while it transfers and gives it back however the transfer
 * ends (the upstream ended, it failed, the client hung up). Taken at transfer, not at play, so a HEAD request takes
 * no tuner. Ended when another instance took the tuner's lease over.
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
        String what = "HDHomeRun device of proxy '" + named + "'";
        RevocableOutput client = new RevocableOutput(out);
        Optional<TunerLeases.Taken> tuner = leases.tryAcquire(
                device.proxy(),
                what,
                device.tunerCount(),
                use,
                () -> client.revoke(what + ": stream ended, its tuner is held by another tvarr instance now"));
        if (tuner.isEmpty()) {
            throw new UnavailableException(refusal(what), 0);
        }
        try {
            stream.transferTo(client, beforeFirstBytes);
        } finally {
            leases.release(device.proxy(), tuner.get());
        }
    }

    private String refusal(String what) {
        String message = what + ": all " + device.tunerCount() + " tuner(s) in use";
        List<String> elsewhere = leases.holders(device.proxy(), what);
        return elsewhere.isEmpty()
                ? message
                : message + " across tvarr's instances (held by " + String.join(", ", elsewhere) + ")";
    }
}
