package io.tvarr.pipeline;

import io.tvarr.domain.channel.port.out.ChannelRepository;
import io.tvarr.domain.epg.port.out.EpgRepository;
import io.tvarr.domain.epg.port.out.EpgSourceRepository;
import io.tvarr.domain.filter.port.out.FilterRepository;
import io.tvarr.domain.mapping.port.out.DataMappingRuleRepository;
import io.tvarr.domain.output.OutputAccess;
import io.tvarr.domain.output.port.in.ReadOutputAccessUseCase;
import io.tvarr.domain.proxy.port.out.GuideMatchRepository;
import io.tvarr.domain.proxy.port.out.StreamProxyRepository;
import io.tvarr.domain.source.port.out.StreamSourceRepository;

/**
 * The stores a generation reads from, and the proxies' output access, which names each proxy in the URLs it
 * publishes (the token of a token proxy, else the id).
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
        GuideMatchRepository guideMatching) {
    /** Inputs without guide pins, matching with the default settings. */
    public PipelineInputs(
            StreamProxyRepository proxies,
            StreamSourceRepository sources,
            ChannelRepository channels,
            EpgSourceRepository epgSources,
            EpgRepository guides,
            FilterRepository filters,
            DataMappingRuleRepository rules,
            ReadOutputAccessUseCase access) {
        this(proxies, sources, channels, epgSources, guides, filters, rules, access, GuideMatchRepository.NONE);
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
