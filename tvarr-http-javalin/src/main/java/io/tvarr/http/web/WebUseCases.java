package io.tvarr.http.web;

import io.tvarr.domain.channel.port.in.BrowseChannelsUseCase;
import io.tvarr.domain.channel.port.in.DescribeChannelUseCase;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.epg.port.in.ManageEpgSourcesUseCase;
import io.tvarr.domain.filter.port.in.CheckExpressionUseCase;
import io.tvarr.domain.filter.port.in.ManageFiltersUseCase;
import io.tvarr.domain.filter.port.in.PreviewExpressionUseCase;
import io.tvarr.domain.health.port.in.ListStreamHealthUseCase;
import io.tvarr.domain.ingestion.port.in.IngestSourceUseCase;
import io.tvarr.domain.job.port.in.ManageJobsUseCase;
import io.tvarr.domain.mapping.port.in.ManageMappingRulesUseCase;
import io.tvarr.domain.output.port.in.ManageOutputAccessUseCase;
import io.tvarr.domain.proxy.port.in.GenerateProxyUseCase;
import io.tvarr.domain.proxy.port.in.ManageProxiesUseCase;
import io.tvarr.domain.relay.port.in.InspectFFmpegUseCase;
import io.tvarr.domain.relay.port.in.InspectRelayUseCase;
import io.tvarr.domain.relay.port.in.ManageRelayProfilesUseCase;
import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.source.port.in.ManageStreamSourcesUseCase;
import io.tvarr.domain.source.port.in.TestXtreamAccountUseCase;
import io.tvarr.domain.system.HealthCheck;
import io.tvarr.domain.system.VersionInfo;
import io.tvarr.domain.system.port.in.ListWarningsUseCase;
import io.tvarr.domain.system.port.in.ShowConfigurationUseCase;
import io.tvarr.domain.xtream.port.in.ReadXtreamGuideUseCase;
import io.tvarr.domain.xtream.port.in.ReadXtreamLineupUseCase;
import java.time.Clock;

/** The use cases the pages call: the same the REST API calls, gathered so each page takes one argument. */
public record WebUseCases(
        ManageStreamSourcesUseCase sources,
        IngestSourceUseCase<SourceId> sourceIngestion,
        ManageEpgSourcesUseCase guides,
        IngestSourceUseCase<EpgSourceId> guideIngestion,
        ManageProxiesUseCase proxies,
        GenerateProxyUseCase generation,
        ManageOutputAccessUseCase outputAccess,
        ManageFiltersUseCase filters,
        CheckExpressionUseCase expressions,
        PreviewExpressionUseCase expressionPreview,
        ManageMappingRulesUseCase mappingRules,
        BrowseChannelsUseCase channels,
        ManageJobsUseCase jobs,
        InspectRelayUseCase relay,
        DescribeChannelUseCase channelDetails,
        ManageRelayProfilesUseCase relayProfiles,
        InspectFFmpegUseCase ffmpeg,
        HealthCheck health,
        VersionInfo version,
        ListWarningsUseCase warnings,
        ReadXtreamLineupUseCase lineups,
        ReadXtreamGuideUseCase programmeGuides,
        Clock clock,
        TestXtreamAccountUseCase xtreamAccountTest,
        ShowConfigurationUseCase configuration,
        ListStreamHealthUseCase streamHealth) {}
