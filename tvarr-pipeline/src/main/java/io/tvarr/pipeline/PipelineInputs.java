package io.tvarr.pipeline;

import io.tvarr.domain.channel.port.out.ChannelRepository;
import io.tvarr.domain.epg.port.out.EpgRepository;
import io.tvarr.domain.epg.port.out.EpgSourceRepository;
import io.tvarr.domain.failover.port.out.ProxyFailoverRepository;
import io.tvarr.domain.filter.port.out.FilterRepository;
import io.tvarr.domain.mapping.port.out.DataMappingRuleRepository;
import io.tvarr.domain.output.OutputAccess;
import io.tvarr.domain.output.port.in.ReadOutputAccessUseCase;
import io.tvarr.domain.proxy.port.out.ChannelOverrideRepository;
import io.tvarr.domain.proxy.port.out.GuideMatchRepository;
import io.tvarr.domain.proxy.port.out.ManualChannelRepository;
import io.tvarr.domain.proxy.port.out.StreamProxyRepository;
import io.tvarr.domain.source.port.out.StreamSourceRepository;
import org.jspecify.annotations.Nullable;

/**
 * The stores a generation reads from, the proxies' output access, which names each proxy in the URLs it
 * publishes (the token of a token proxy, else the id), the per-proxy channel overrides, the proxies' failover
 * settings (how they merge channels), their guide pins and matching settings, and the channels users added to them
 * by hand.
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
        @Nullable ChannelOverrideRepository overrides,
        ProxyFailoverRepository failover,
        GuideMatchRepository guideMatching,
        ManualChannelRepository manualChannels) {
    /** Inputs without overrides, failover settings or guide pins (tools, tests); add them with the {@code with} copies. */
    public PipelineInputs(
            StreamProxyRepository proxies,
            StreamSourceRepository sources,
            ChannelRepository channels,
            EpgSourceRepository epgSources,
            EpgRepository guides,
            FilterRepository filters,
            DataMappingRuleRepository rules,
            ReadOutputAccessUseCase access) {
        this(
                proxies,
                sources,
                channels,
                epgSources,
                guides,
                filters,
                rules,
                access,
                null,
                ProxyFailoverRepository.NONE,
                GuideMatchRepository.NONE,
                ManualChannelRepository.NONE);
    }

    /** These inputs reading per-proxy channel overrides from {@code overrides}. */
    public PipelineInputs withOverrides(ChannelOverrideRepository overrides) {
        return new PipelineInputs(
                proxies,
                sources,
                channels,
                epgSources,
                guides,
                filters,
                rules,
                access,
                overrides,
                failover,
                guideMatching,
                manualChannels);
    }

    /** These inputs reading the proxies' failover settings from {@code failover}. */
    public PipelineInputs withFailover(ProxyFailoverRepository failover) {
        return new PipelineInputs(
                proxies,
                sources,
                channels,
                epgSources,
                guides,
                filters,
                rules,
                access,
                overrides,
                failover,
                guideMatching,
                manualChannels);
    }

    /** These inputs reading guide pins and matching settings from {@code guideMatching}. */
    public PipelineInputs withGuideMatching(GuideMatchRepository guideMatching) {
        return new PipelineInputs(
                proxies,
                sources,
                channels,
                epgSources,
                guides,
                filters,
                rules,
                access,
                overrides,
                failover,
                guideMatching,
                manualChannels);
    }

    /** These inputs reading the channels users add by hand to proxies from {@code manualChannels}. */
    public PipelineInputs withManualChannels(ManualChannelRepository manualChannels) {
        return new PipelineInputs(
                proxies,
                sources,
                channels,
                epgSources,
                guides,
                filters,
                rules,
                access,
                overrides,
                failover,
                guideMatching,
                manualChannels);
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
