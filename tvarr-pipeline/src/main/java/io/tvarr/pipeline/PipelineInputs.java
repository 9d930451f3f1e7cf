package io.tvarr.pipeline;

import io.tvarr.domain.channel.port.out.ChannelRepository;
import io.tvarr.domain.epg.port.out.EpgRepository;
import io.tvarr.domain.epg.port.out.EpgSourceRepository;
import io.tvarr.domain.filter.port.out.FilterRepository;
import io.tvarr.domain.mapping.port.out.DataMappingRuleRepository;
import io.tvarr.domain.output.OutputAccess;
import io.tvarr.domain.output.port.in.ReadOutputAccessUseCase;
import io.tvarr.domain.proxy.port.out.ChannelOverrideRepository;
import io.tvarr.domain.proxy.port.out.StreamProxyRepository;
import io.tvarr.domain.source.port.out.StreamSourceRepository;
import org.jspecify.annotations.Nullable;

/**
 * The stores a generation reads from, the proxies' output access, which names each proxy in the URLs it
 * publishes (the token of a token proxy, else the id), and the per-proxy channel overrides.
 */
public record PipelineInputs(
        StreamProxyRepository proxies,
        StreamSourceRepository sources,
        ChannelRepository channels,
        EpgSourceRepository epgSources,
        EpgRepository guides,
        FilterRepository filters,
        DataMappingRuleRepository rules,
        ReadOutputAccessUseCase access,
        @Nullable ChannelOverrideRepository overrides) {
    /** Inputs without channel overrides (tools, tests). */
    public PipelineInputs(
            StreamProxyRepository proxies,
            StreamSourceRepository sources,
            ChannelRepository channels,
            EpgSourceRepository epgSources,
            EpgRepository guides,
            FilterRepository filters,
            DataMappingRuleRepository rules,
            ReadOutputAccessUseCase access) {
        this(proxies, sources, channels, epgSources, guides, filters, rules, access, null);
    }

    /** Inputs where every proxy has the default access, so outputs are named by proxy id (tools, tests). */
    public PipelineInputs(
            StreamProxyRepository proxies,
            StreamSourceRepository sources,
            ChannelRepository channels,
            EpgSourceRepository epgSources,
            EpgRepository guides,
            FilterRepository filters,
            DataMappingRuleRepository rules) {
        this(proxies, sources, channels, epgSources, guides, filters, rules, OutputAccess::defaults);
    }
}
