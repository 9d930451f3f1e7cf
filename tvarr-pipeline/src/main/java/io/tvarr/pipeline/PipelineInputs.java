package io.tvarr.pipeline;

import io.tvarr.domain.channel.port.out.ChannelRepository;
import io.tvarr.domain.epg.port.out.EpgRepository;
import io.tvarr.domain.epg.port.out.EpgSourceRepository;
import io.tvarr.domain.filter.port.out.FilterRepository;
import io.tvarr.domain.mapping.port.out.DataMappingRuleRepository;
import io.tvarr.domain.proxy.port.out.StreamProxyRepository;
import io.tvarr.domain.source.port.out.StreamSourceRepository;

/** The stores a generation reads from. */
public record PipelineInputs(
        StreamProxyRepository proxies,
        StreamSourceRepository sources,
        ChannelRepository channels,
        EpgSourceRepository epgSources,
        EpgRepository guides,
        FilterRepository filters,
        DataMappingRuleRepository rules) {}
