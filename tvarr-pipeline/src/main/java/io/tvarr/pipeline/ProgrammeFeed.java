package io.tvarr.pipeline;

import io.tvarr.domain.epg.ChannelIdRange;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.epg.port.out.EpgRepository;
import io.tvarr.pipeline.stage.epg.GuideSelection;
import io.tvarr.pipeline.stage.epg.GuideSelection.WrittenChannel;
import io.tvarr.pipeline.stage.rules.GuideProgramme;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The programmes one guide reader feeds: those of the used guide channels in its id range of each guide, in the
 * proxy's guide order, overlapping the proxy's EPG window. Each is tagged with the channel it is written under.
 */
final class ProgrammeFeed implements Feed<GuideProgramme> {
    /** One guide's channels this reader reads. */
    record GuideRange(EpgSourceId guide, ChannelIdRange channels) {}

    /** The programmes a guide keeps: those overlapping [from, to). */
    record Window(Instant from, Instant to) {}

    private final EpgRepository programmes;
    private final GuideSelection selection;
    private final List<GuideRange> ranges;
    private final Window window;

    ProgrammeFeed(EpgRepository programmes, GuideSelection selection, List<GuideRange> ranges, Window window) {
        this.programmes = programmes;
        this.selection = selection;
        this.ranges = List.copyOf(ranges);
        this.window = window;
    }

    @Override
    public void feed(Consumer<GuideProgramme> sink) {
        for (GuideRange range : ranges) {
            // the source's own channels, looked up by id alone for every row
            Map<String, WrittenChannel> used = selection.channelsOf(range.guide());
            programmes.forEachProgrammeBySource(
                    range.guide(), window.from(), window.to(), range.channels(), used::containsKey, p -> {
                        WrittenChannel channel = used.get(p.channelId());
                        if (channel != null) {
                            sink.accept(new GuideProgramme(p, channel.id(), channel.group()));
                        }
                    });
        }
    }
}
