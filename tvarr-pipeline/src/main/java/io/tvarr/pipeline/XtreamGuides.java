package io.tvarr.pipeline;

import io.tvarr.domain.epg.EpgProgramme;
import io.tvarr.domain.proxy.OutputSettings;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.xtream.XtreamChannel;
import io.tvarr.domain.xtream.XtreamProgramme;
import io.tvarr.domain.xtream.port.in.ReadXtreamGuideUseCase;
import io.tvarr.domain.xtream.port.in.ReadXtreamLineupUseCase;
import io.tvarr.expression.EvaluationContext;
import io.tvarr.pipeline.stage.StageMeter;
import io.tvarr.pipeline.stage.StageOutcome;
import io.tvarr.pipeline.stage.rules.GuideProgramme;
import io.tvarr.pipeline.stage.rules.ProgrammeFilterStage;
import io.tvarr.pipeline.stage.rules.ProgrammeMappingStage;
import io.tvarr.pipeline.stage.rules.ProxyRules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One channel's EPG for the Xtream door ({@code get_short_epg}, {@code get_simple_data_table}), read from the stored
 * programmes of the guide channel the proxy's guide writes for it, through the proxy's EPG mapping and filters and
 * within its guide window: what its published guide shows for that channel, without reading that guide (hundreds of
 * megabytes for a big proxy) for every call. The programmes are the stored ones, so a guide ingested since the last
 * generation shows at once. EPG rules that test the group see the channel's own group. Thread-safe.
 */
public final class XtreamGuides implements ReadXtreamGuideUseCase {
    /** Programmes read per query: a short EPG needs a few, a day of a busy channel fits in two pages. */
    private static final int PAGE = 64;

    private final PipelineInputs inputs;
    private final ReadXtreamLineupUseCase lineups;
    private final Clock clock;

    public XtreamGuides(PipelineInputs inputs, ReadXtreamLineupUseCase lineups, Clock clock) {
        this.inputs = inputs;
        this.lineups = lineups;
        this.clock = clock;
    }

    @Override
    public void forEachProgramme(ProxyId proxy, int streamId, Instant from, int limit, Consumer<XtreamProgramme> sink) {
        Optional<XtreamChannel> channel = lineups.findChannel(proxy, streamId);
        Optional<StreamProxy> settings = inputs.proxies().findById(proxy);
        if (channel.isEmpty()
                || settings.isEmpty()
                || channel.get().guideId() == null
                || channel.get().guideSource() == null) {
            return;
        }
        OutputSettings output = settings.get().output();
        Instant now = clock.instant();
        Instant windowStart = now.minus(Duration.ofDays(output.epgDaysBack()));
        Instant to = now.plus(Duration.ofDays(output.epgDaysAhead()));
        Instant start = from.isAfter(windowStart) ? from : windowStart;
        read(channel.get(), GenerationInputs.compiledRules(settings.get(), inputs), start, to, limit, sink);
    }

    private void read(
            XtreamChannel channel,
            ProxyRules rules,
            Instant from,
            Instant to,
            int limit,
            Consumer<XtreamProgramme> sink) {
        EvaluationContext context = new EvaluationContext();
        StageMeter<GuideProgramme> stages = new StageMeter<>(List.of(
                new ProgrammeMappingStage(rules.guideMapping(), context),
                new ProgrammeFilterStage(rules.guideFilters(), context)));
        String guideId = channel.guideId();
        int pushed = 0;
        for (int page = 0; ; page++) {
            List<EpgProgramme> programmes =
                    inputs.guides().findProgrammes(channel.guideSource(), guideId, from, to, page, PAGE);
            for (EpgProgramme programme : programmes) {
                if (stages.apply(new GuideProgramme(programme, guideId, channel.group()))
                        instanceof StageOutcome.Kept<GuideProgramme> kept) {
                    sink.accept(xtream(guideId, kept.value().programme()));
                    if (++pushed == limit) {
                        return;
                    }
                }
            }
            if (programmes.size() < PAGE) {
                return;
            }
        }
    }

    private static XtreamProgramme xtream(String guideId, EpgProgramme programme) {
        return new XtreamProgramme(
                guideId,
                programme.start(),
                programme.stop(),
                programme.title(),
                programme.description(),
                programme.titleLang());
    }
}
