package io.tvarr.pipeline;

import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.proxy.GenerationReport.StageReport;
import io.tvarr.expression.EvaluationContext;
import io.tvarr.pipeline.output.XmltvGuideWriter;
import io.tvarr.pipeline.stage.StageMeter;
import io.tvarr.pipeline.stage.StageOutcome;
import io.tvarr.pipeline.stage.rules.GuideProgramme;
import io.tvarr.pipeline.stage.rules.ProgrammeFilterStage;
import io.tvarr.pipeline.stage.rules.ProgrammeMappingStage;
import io.tvarr.pipeline.stage.rules.ProxyRules;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One guide reader's share of a generation: reads its programmes, runs them through its own EPG mapping and
 * filtering stages and renders them as XMLTV, handing the bytes over a few hundred programmes at a time and only
 * where the channel changes. Rendering beside the reading, rather than on the thread that writes the file, keeps
 * that thread from being the bottleneck of a big guide on a small server. Used by one thread at a time.
 */
final class GuidePart implements Feed<XmltvFragment> {
    private static final int PROGRAMMES_PER_CHUNK = 256;

    private final Feed<GuideProgramme> programmes;
    private final EvaluationContext context = new EvaluationContext();
    private final StageMeter<GuideProgramme> stages;
    private long read;
    private long written;
    private final GuideCounts perGuide = new GuideCounts();
    private final boolean keepProviderExtras;

    GuidePart(ProxyRules rules, Feed<GuideProgramme> programmes, boolean keepProviderExtras) {
        this.programmes = programmes;
        this.keepProviderExtras = keepProviderExtras;
        // stages keep a scratch record each, so every part has its own
        this.stages = new StageMeter<>(List.of(
                new ProgrammeMappingStage(rules.guideMapping(), context),
                new ProgrammeFilterStage(rules.guideFilters(), context)));
    }

    @Override
    public void feed(Consumer<XmltvFragment> fragments) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(PROGRAMMES_PER_CHUNK * 1024);
        XmltvGuideWriter writer = XmltvGuideWriter.fragment(buffer, keepProviderExtras);
        Chunking chunking = new Chunking();
        programmes.feed(item -> {
            if (chunking.full(item.channelId())) {
                writer.flush();
                fragments.accept(new XmltvFragment(buffer.toByteArray()));
                buffer.reset();
            }
            read++;
            EpgSourceId guide = item.programme().sourceId();
            perGuide.countRead(guide);
            if (stages.apply(item) instanceof StageOutcome.Kept<GuideProgramme> kept) {
                writer.programme(kept.value().channelId(), kept.value().programme());
                written++;
                perGuide.countWritten(guide);
            }
        });
        writer.flush();
        if (buffer.size() > 0) {
            fragments.accept(new XmltvFragment(buffer.toByteArray()));
        }
    }

    long read() {
        return read;
    }

    /** Programmes read and written per guide; complete once {@link #feed} returned. */
    GuideCounts perGuide() {
        return perGuide;
    }

    long written() {
        return written;
    }

    EvaluationContext context() {
        return context;
    }

    List<StageReport> reports() {
        return stages.reports();
    }

    /** Stage reports of parts that ran side by side, added up stage by stage (times are summed across threads). */
    static List<StageReport> combined(List<GuidePart> parts) {
        List<StageReport> sums = new ArrayList<>(parts.get(0).reports());
        for (GuidePart part : parts.subList(1, parts.size())) {
            List<StageReport> reports = part.reports();
            for (int i = 0; i < sums.size(); i++) {
                sums.set(i, sums.get(i).plus(reports.get(i)));
            }
        }
        return sums;
    }

    /** Counts programmes into chunks that end only where the channel changes. */
    private static final class Chunking {
        private int count;
        private @Nullable String channel;

        /** Whether the chunk so far must be handed over before a programme of this channel. */
        boolean full(String next) {
            boolean full = count >= PROGRAMMES_PER_CHUNK && !next.equals(channel);
            count = full ? 1 : count + 1;
            channel = next;
            return full;
        }
    }
}
