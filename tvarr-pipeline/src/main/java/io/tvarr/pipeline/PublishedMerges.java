package io.tvarr.pipeline;

import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.failover.port.in.ReadMergedChannelsUseCase;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.pipeline.output.MergedChannelsFile;
import java.util.List;

/**
 * Reads the merges a proxy's last generation published ({@code merged.tsv} beside its playlist), one line at a time,
 * so failover plays what the published playlist promised. Thread-safe: a generation renames a new file over it.
 */
public final class PublishedMerges implements ReadMergedChannelsUseCase {
    private final PublishedOutputs outputs;

    /** Merges of outputs kept in the settings' output directory only. */
    public PublishedMerges(PipelineSettings settings) {
        this(PublishedOutputs.local(settings.outputDirectory()));
    }

    /** @param outputs the generator's */
    public PublishedMerges(PublishedOutputs outputs) {
        this.outputs = outputs;
    }

    @Override
    public List<ChannelId> mergedInto(ProxyId proxy, ChannelId channel) {
        return MergedChannelsFile.mergedInto(outputs.current(proxy).resolve(MergedChannelsFile.NAME), channel);
    }
}
