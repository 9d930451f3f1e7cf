package io.tvarr.domain.xtream.service;

import io.tvarr.domain.relay.FileRequest;
import io.tvarr.domain.relay.RelayedFile;
import io.tvarr.domain.relay.StreamPlan;
import io.tvarr.domain.relay.port.in.Playback;
import io.tvarr.domain.relay.port.out.FileRelay;

/** A movie or an episode relayed request by request: each of the player's ranges goes to the provider's file. */
final class OnDemandFile implements Playback.File {
    private final FileRelay relay;
    private final StreamPlan plan;
    private final String contentType;

    OnDemandFile(FileRelay relay, StreamPlan plan, String contentType) {
        this.relay = relay;
        this.plan = plan;
        this.contentType = contentType;
    }

    @Override
    public String contentType() {
        return contentType;
    }

    @Override
    public RelayedFile open(FileRequest request) {
        return relay.fetch(plan, request);
    }
}
