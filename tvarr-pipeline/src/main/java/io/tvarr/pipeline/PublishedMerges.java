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
    private final PipelineSettings settings;

    public PublishedMerges(PipelineSettings settings) {
        this.settings = settings;
    }

    @Override
    public List<ChannelId> mergedInto(ProxyId proxy, ChannelId channel) {
        return MergedChannelsFile.mergedInto(
                settings.outputDirectory().resolve(proxy.toString()).resolve(MergedChannelsFile.NAME), channel);
    }
}
