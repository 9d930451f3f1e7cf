package io.tvarr.domain.config.service;

import io.tvarr.domain.account.port.out.OutputUserRepository;
import io.tvarr.domain.account.port.out.PasswordHasher;
import io.tvarr.domain.channel.port.out.ChannelKeyRepository;
import io.tvarr.domain.channel.port.out.ChannelRepository;
import io.tvarr.domain.epg.port.in.ManageEpgSourcesUseCase;
import io.tvarr.domain.failover.port.in.ManageFailoverUseCase;
import io.tvarr.domain.filter.port.in.CheckExpressionUseCase;
import io.tvarr.domain.filter.port.in.ManageFiltersUseCase;
import io.tvarr.domain.health.port.in.ConfigureHealthChecksUseCase;
import io.tvarr.domain.job.port.out.CronSchedules;
import io.tvarr.domain.mapping.port.in.ManageMappingRulesUseCase;
import io.tvarr.domain.output.port.in.ManageOutputAccessUseCase;
import io.tvarr.domain.output.port.out.OutputAccessRepository;
import io.tvarr.domain.proxy.port.in.ConfigureGuideMatchingUseCase;
import io.tvarr.domain.proxy.port.in.ManageChannelOverridesUseCase;
import io.tvarr.domain.proxy.port.in.ManageManualChannelsUseCase;
import io.tvarr.domain.proxy.port.in.ManageProxiesUseCase;
import io.tvarr.domain.proxy.port.in.PinGuideChannelUseCase;
import io.tvarr.domain.relay.port.in.ManageRelayProfilesUseCase;
import io.tvarr.domain.source.port.in.ManageStreamSourcesUseCase;
import java.time.Clock;

/**
 * What configuration as code reads and changes: the features' own use cases, so their checks and rules hold, and
 * the two stores whose values no use case takes as they are (an output user's hash, a given output token), and the
 * channels, by which alternates listed by hand are named.
 */
public record ConfigParts(
        ManageStreamSourcesUseCase sources,
        ConfigureHealthChecksUseCase streamChecks,
        ManageEpgSourcesUseCase guides,
        ManageFiltersUseCase filters,
        CheckExpressionUseCase expressions,
        ManageMappingRulesUseCase mappingRules,
        ManageRelayProfilesUseCase relayProfiles,
        ManageProxiesUseCase proxies,
        ManageFailoverUseCase failover,
        ConfigureGuideMatchingUseCase guideMatching,
        PinGuideChannelUseCase pins,
        ManageChannelOverridesUseCase overrides,
        ManageManualChannelsUseCase manualChannels,
        ChannelRepository channels,
        ChannelKeyRepository channelKeys,
        ManageOutputAccessUseCase access,
        OutputAccessRepository accessStore,
        OutputUserRepository users,
        PasswordHasher hasher,
        CronSchedules schedules,
        Clock clock) {}
