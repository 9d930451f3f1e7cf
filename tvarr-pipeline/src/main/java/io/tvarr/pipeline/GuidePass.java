package io.tvarr.pipeline;

import io.tvarr.domain.epg.ChannelIdRange;
import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.epg.port.out.EpgRepository;
import io.tvarr.pipeline.ProgrammeFeed.GuideRange;
import io.tvarr.pipeline.output.AtomicPublisher;
import io.tvarr.pipeline.output.XmltvGuideWriter;
import io.tvarr.pipeline.stage.epg.GuideSelection;
import io.tvarr.pipeline.stage.rules.ProxyRules;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The guide pass: the used guide channels, then their programmes read by one or two {@link GuidePart}s side by
 * side (each with its own EPG mapping and filtering), spliced into the guide as a draft. With two readers, part 0
 * reads the lower half of each guide's used channel ids and part 1 the upper half, on their own connections. A
 * guide ingestion that commits between the two reads leaves the halves on different versions of the guide, but
 * every channel's programmes still come from one version, as the channels and the programmes already could.
 * Used once.
 */
final class GuidePass {
    private final List<EpgSource> guides;
    private final EpgRepository programmes;
    private final ProgrammeFeed.Window window;
    private final int readers;
    private final boolean keepProviderExtras;

    /**
     * @param readers 1 or 2: how many parts read the programmes side by side
     * @param keepProviderExtras whether provider elements outside the XMLTV DTD are written too
     */
    GuidePass(
            List<EpgSource> guides,
            EpgRepository programmes,
            ProgrammeFeed.Window window,
            int readers,
            boolean keepProviderExtras) {
        this.guides = List.copyOf(guides);
        this.programmes = programmes;
        this.window = window;
        this.readers = readers;
        this.keepProviderExtras = keepProviderExtras;
    }

    /** Writes the guide of the channels in {@code selection} to a draft of {@code file}; the caller publishes it. */
    AtomicPublisher.Draft write(
            AtomicPublisher publisher,
            Path file,
            GuideSelection selection,
            ProxyRules rules,
            GenerationReportBuilder report) {
        List<GuidePart> parts = new ArrayList<>();
        for (List<GuideRange> ranges : ranges(guides, selection, readers)) {
            parts.add(
                    new GuidePart(rules, new ProgrammeFeed(programmes, selection, ranges, window), keepProviderExtras));
        }
        long started = System.nanoTime();
        AtomicPublisher.Draft draft = publisher.write(file, out -> write(out, selection, parts, keepProviderExtras));
        long written = 0;
        long read = 0;
        GuideCounts perGuide = new GuideCounts();
        for (GuidePart part : parts) {
            report.evaluations(part.context());
            read += part.read();
            written += part.written();
            perGuide.add(part.perGuide());
        }
        warnAboutEmptyGuides(selection, perGuide, report);
        report.stages(GuidePart.combined(parts));
        report.stage("guide_generation", read, written, started);
        report.programmes(written);
        return draft;
    }

    /** Names every guide that gives the proxy no programme, with the reason, so the user knows what to fix. */
    private void warnAboutEmptyGuides(GuideSelection selection, GuideCounts perGuide, GenerationReportBuilder report) {
        for (EpgSource guide : guides) {
            if (perGuide.written(guide.id()) > 0) {
                continue;
            }
            String name = "guide '" + guide.name() + "': no programmes in this proxy's guide: ";
            if (!selection.uses(guide.id())) {
                report.warn(name + "none of its channels matched a channel of the proxy");
            } else if (perGuide.read(guide.id()) == 0) {
                report.warn(name + "its matched channels have no programme between " + window.from() + " and "
                        + window.to() + " (the proxy's epgDaysBack/epgDaysAhead, within the guide's retention;"
                        + " has it been ingested?)");
            } else {
                report.warn(name + "the proxy's programme filters dropped all " + perGuide.read(guide.id())
                        + " programmes of its matched channels");
            }
        }
    }

    /**
     * Which guide channels each part reads: for every used guide, in the proxy's order, its half (or, with one
     * reader or too few channels to split, all of it for the first part alone).
     */
    static List<List<GuideRange>> ranges(List<EpgSource> guides, GuideSelection selection, int readers) {
        List<List<GuideRange>> parts = new ArrayList<>();
        for (int part = 0; part < readers; part++) {
            parts.add(new ArrayList<>());
        }
        for (EpgSource guide : guides) {
            if (!selection.uses(guide.id())) {
                continue;
            }
            List<ChannelIdRange> halves = readers == 1 ? List.of(ChannelIdRange.ALL) : selection.halves(guide.id());
            for (int part = 0; part < halves.size(); part++) {
                parts.get(part).add(new GuideRange(guide.id(), halves.get(part)));
            }
        }
        return parts;
    }

    private static void write(
            OutputStream out, GuideSelection selection, List<GuidePart> parts, boolean keepProviderExtras) {
        XmltvGuideWriter writer = new XmltvGuideWriter(out, keepProviderExtras);
        selection.forEach(c -> writer.channel(c.id(), c.displayNames(), c.icon()));
        writer.flush();
        // each fragment is a few hundred rendered programmes; a few in flight per part are plenty
        ReadAhead.run("programme-reader", parts, 1, fragment -> fragment.writeTo(out));
        writer.finish();
    }
}
