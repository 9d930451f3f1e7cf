package io.tvarr.pipeline;

import io.tvarr.domain.failover.MergeBy;
import io.tvarr.domain.proxy.GuideMatch;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.xtream.XtreamChannel;
import io.tvarr.expression.EvaluationContext;
import io.tvarr.pipeline.output.AtomicPublisher;
import io.tvarr.pipeline.output.GuideMatchFile;
import io.tvarr.pipeline.output.LineupRow;
import io.tvarr.pipeline.output.LineupWriter;
import io.tvarr.pipeline.output.M3uPlaylistWriter;
import io.tvarr.pipeline.output.MergedChannelsFile;
import io.tvarr.pipeline.output.PlaylistEntries;
import io.tvarr.pipeline.output.PlaylistEntry;
import io.tvarr.pipeline.output.Utf8TextWriter;
import io.tvarr.pipeline.output.XtreamLineupFile;
import io.tvarr.pipeline.stage.ProxyChannel;
import io.tvarr.pipeline.stage.Stage;
import io.tvarr.pipeline.stage.StageMeter;
import io.tvarr.pipeline.stage.StageOutcome;
import io.tvarr.pipeline.stage.dedupe.DeduplicationStage;
import io.tvarr.pipeline.stage.epg.GuideMatcher;
import io.tvarr.pipeline.stage.epg.GuideMatchingStage;
import io.tvarr.pipeline.stage.epg.GuideSelection;
import io.tvarr.pipeline.stage.merge.ChannelMergeStage;
import io.tvarr.pipeline.stage.overrides.ChannelOverrideStage;
import io.tvarr.pipeline.stage.rules.ChannelFilterStage;
import io.tvarr.pipeline.stage.rules.ChannelMappingStage;
import io.tvarr.pipeline.stage.rules.ProxyRules;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The channel pass: one streaming pass over a proxy's channels through mapping, the user's overrides, filtering,
 * deduplication, merging (when the proxy merges the same channel from several sources for failover), the
 * stages the caller adds (numbering, logo rewriting) and EPG matching, writing the playlist as a draft. What it
 * learns on the way, the guide channels the output uses, is the guide pass's input. Used once.
 */
final class ChannelPass {
    private final StreamProxy proxy;
    private final ProxyRules rules;
    private final GuideMatcher matcher;
    private final GenerationReportBuilder report;
    private final GuideSelection selection = new GuideSelection();
    private final @Nullable ChannelMergeStage merge;
    private AtomicPublisher.@Nullable Draft xtreamLineup;
    private AtomicPublisher.@Nullable Draft guideMatches;

    ChannelPass(
            StreamProxy proxy,
            ProxyRules rules,
            GuideMatcher matcher,
            GenerationReportBuilder report,
            MergeBy mergeBy) {
        this.merge = mergeBy == MergeBy.NONE ? null : new ChannelMergeStage(mergeBy);
        this.proxy = proxy;
        this.rules = rules;
        this.matcher = matcher;
        this.report = report;
    }

    /** Channel stages up to numbering: shared by the pre-pass and the real pass. */
    static List<Stage<ProxyChannel>> upToNumbering(StreamProxy proxy, ProxyRules rules, EvaluationContext context) {
        List<Stage<ProxyChannel>> stages = new ArrayList<>();
        stages.add(new ChannelMappingStage(rules.channelMapping(), context));
        if (!rules.overrides().isEmpty()) {
            stages.add(new ChannelOverrideStage(rules.overrides()));
        }
        stages.add(new ChannelFilterStage(rules.channelFilters(), context));
        if (proxy.output().deduplicateStreams()) {
            stages.add(new DeduplicationStage());
        }
        return stages;
    }

    /**
     * Writes the playlist of {@code channels} to a draft of {@code playlistFile} and its lineup to one of {@code
     * lineupFile}, running {@code numberingOnwards} between deduplication and EPG matching; the caller publishes or
     * discards the drafts.
     */
    AtomicPublisher.Drafts write(
            AtomicPublisher publisher,
            Path playlistFile,
            Path lineupFile,
            ChannelFeed channels,
            List<Stage<ProxyChannel>> numberingOnwards,
            PlaylistEntries entries) {
        Path xtreamFile = playlistFile.resolveSibling(XtreamLineupFile.NAME);
        Pass pass = pass(channels, numberingOnwards, entries, xtreamFile);
        Path matchesFile = playlistFile.resolveSibling(GuideMatchFile.NAME);
        AtomicPublisher.Drafts drafts;
        try {
            // the tuner and Xtream lineups are written in the same pass as the playlist: all list the same channels
            drafts = publisher.write(
                    playlistFile,
                    lineupFile,
                    (out, lineupOut) -> xtreamLineup = publisher.write(
                            xtreamFile,
                            xtreamOut -> guideMatches = publisher.write(
                                    matchesFile,
                                    matchesOut -> pass.playlist.write(out, lineupOut, xtreamOut, matchesOut))));
        } catch (RuntimeException e) {
            if (xtreamLineup != null) {
                xtreamLineup.close();
            }
            if (guideMatches != null) {
                guideMatches.close();
            }
            throw e;
        }
        pass.report();
        return drafts;
    }

    /**
     * Writes the playlist alone to a draft of {@code playlistFile}, through the same stages as {@link #write}, for a
     * generation whose output is not served (no lineups, no guide match explanations).
     */
    AtomicPublisher.Draft writePlaylist(
            AtomicPublisher publisher,
            Path playlistFile,
            ChannelFeed channels,
            List<Stage<ProxyChannel>> numberingOnwards,
            PlaylistEntries entries) {
        Pass pass = pass(channels, numberingOnwards, entries, null);
        AtomicPublisher.Draft draft = publisher.write(playlistFile, out -> pass.playlist.write(out, null, null, null));
        pass.report();
        return draft;
    }

    private Pass pass(
            ChannelFeed channels,
            List<Stage<ProxyChannel>> numberingOnwards,
            PlaylistEntries entries,
            @Nullable Path xtreamFile) {
        EvaluationContext context = new EvaluationContext();
        report.evaluations(context);
        MatchLines matchLines = new MatchLines();
        GuideMatchingStage matching = new GuideMatchingStage(matcher, selection, matchLines);
        List<Stage<ProxyChannel>> stages = upToNumbering(proxy, rules, context);
        if (merge != null) {
            stages.add(merge);
        }
        stages.addAll(numberingOnwards);
        stages.add(matching);
        StageMeter<ProxyChannel> meter = new StageMeter<>(stages);
        Playlist playlist = new Playlist(
                channels,
                meter,
                entries,
                xtreamFile == null ? null : new XtreamStreamIds(xtreamFile),
                selection,
                matchLines);
        return new Pass(playlist, meter, matching, System.nanoTime());
    }

    /** One pass's playlist writer and what it reports once written. */
    private final class Pass {
        final Playlist playlist;
        private final StageMeter<ProxyChannel> meter;
        private final GuideMatchingStage matching;
        private final long started;

        Pass(Playlist playlist, StageMeter<ProxyChannel> meter, GuideMatchingStage matching, long started) {
            this.playlist = playlist;
            this.meter = meter;
            this.matching = matching;
            this.started = started;
        }

        void report() {
            report.stages(meter.reports());
            report.stage("playlist_generation", playlist.read, playlist.written, started);
            report.channels(playlist.written, matching.unmatched(), matching.unmatchedCount());
            report.guideMatching(matching.tiers(), matching.orphanedPins());
        }
    }

    /** The draft of the guide match explanations; there once {@link #write} has returned. */
    AtomicPublisher.Draft guideMatches() {
        if (guideMatches == null) {
            throw new IllegalStateException("the playlist was not written yet");
        }
        return guideMatches;
    }

    /** Where the matching stage's explanations go: the guide match file, once the pass has opened it. */
    private static final class MatchLines implements Consumer<GuideMatch> {
        private Consumer<GuideMatch> target = match -> {};

        @Override
        public void accept(GuideMatch match) {
            target.accept(match);
        }
    }

    /** The draft of the Xtream lineup; there once {@link #write} has returned. */
    AtomicPublisher.Draft xtreamLineup() {
        if (xtreamLineup == null) {
            throw new IllegalStateException("the playlist was not written yet");
        }
        return xtreamLineup;
    }

    /** Writes what the pass merged, for failover ({@link MergedChannelsFile}); once {@link #write} has returned. */
    void writeMerges(OutputStream out) {
        Writer text = MergedChannelsFile.writer(out);
        if (merge != null) {
            merge.forEachMerge((primary, merged) -> MergedChannelsFile.writeLine(text, primary, merged));
        }
        try {
            text.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("merged channels could not be written: " + e.getMessage(), e);
        }
    }

    /** The guide channels the written playlist uses; complete once {@link #write} has returned. */
    GuideSelection selection() {
        return selection;
    }

    /**
     * Writes the channels that pass every stage to the playlist and the lineup, reading them on a second thread;
     * counts what it sees.
     */
    private static final class Playlist {
        private final ChannelFeed channels;
        private final StageMeter<ProxyChannel> stages;
        private final PlaylistEntries entries;
        private final @Nullable XtreamStreamIds streamIds;
        private final GuideSelection selection;
        private final MatchLines matchLines;
        private long read;
        private long written;

        Playlist(
                ChannelFeed channels,
                StageMeter<ProxyChannel> stages,
                PlaylistEntries entries,
                @Nullable XtreamStreamIds streamIds,
                GuideSelection selection,
                MatchLines matchLines) {
            this.channels = channels;
            this.matchLines = matchLines;
            this.selection = selection;
            this.stages = stages;
            this.entries = entries;
            this.streamIds = streamIds;
        }

        /** Writes the playlist, and the serving files whose streams are given (all three or none). */
        void write(
                OutputStream playlistOut,
                @Nullable OutputStream lineupOut,
                @Nullable OutputStream xtreamOut,
                @Nullable OutputStream matchesOut) {
            Writer text = utf8(playlistOut);
            @Nullable Writer lineupText = lineupOut == null ? null : utf8(lineupOut);
            @Nullable Writer matchesText = matchesOut == null ? null : utf8(matchesOut);
            if (matchesText != null) {
                matchLines.target = new GuideMatchFile.LineWriter(matchesText);
            }
            M3uPlaylistWriter writer = new M3uPlaylistWriter(text, entries.guideUrl());
            @Nullable LineupWriter lineup = lineupText == null ? null : new LineupWriter(lineupText);
            XtreamLineupFile.@Nullable LineWriter xtream =
                    xtreamOut == null ? null : new XtreamLineupFile.LineWriter(xtreamOut);
            ReadAhead.run("channel-reader", channels, item -> {
                read++;
                if (stages.apply(item) instanceof StageOutcome.Kept<ProxyChannel> kept) {
                    PlaylistEntry entry = entries.entry(kept.value());
                    writer.write(entry);
                    written++;
                    if (lineup != null && xtream != null) {
                        lineup.write(row(kept.value(), entry, written));
                        xtream.write(xtreamChannel(kept.value(), entry));
                    }
                }
            });
            try {
                text.flush();
                if (xtream != null) {
                    xtream.flush();
                }
                if (lineupText != null) {
                    lineupText.flush();
                }
                if (matchesText != null) {
                    matchesText.flush();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("playlist could not be written: " + e.getMessage(), e);
            }
        }

        /**
         * The channel as the playlist entry shows it (name, group, logo, guide id), with its Xtream stream id and the
         * guide source the guide takes its programmes from, so the Xtream door reads them without the guide file.
         */
        private XtreamChannel xtreamChannel(ProxyChannel item, PlaylistEntry entry) {
            if (streamIds == null) {
                throw new IllegalStateException("no Xtream lineup is written in this pass");
            }
            return new XtreamChannel(
                    streamIds.assign(item.channel().id()),
                    item.channel().id(),
                    item.number(),
                    entry.name(),
                    entry.group(),
                    entry.tvgLogo(),
                    entry.tvgId(),
                    entry.tvgId() == null ? null : selection.owner(entry.tvgId()),
                    archiveDays(item.channel()));
        }

        /**
         * Catch-up as the Xtream door can serve it: channels of Xtream sources whose panel listed them with
         * {@code tv_archive} (the ingest keeps that as {@code catchup} and the days as {@code catchup-days}); a panel
         * that named no duration still offers the archive, so it counts as one day.
         */
        private static int archiveDays(io.tvarr.domain.channel.Channel channel) {
            if (channel.attribute("xtream-stream-id") == null || channel.attribute("catchup") == null) {
                return 0;
            }
            String days = channel.attribute("catchup-days");
            try {
                return days == null ? 1 : Math.max(1, Integer.parseInt(days.strip()));
            } catch (NumberFormatException e) {
                return 1;
            }
        }

        /** The lineup's number is the published one, whether or not the playlist writes it as tvg-chno. */
        private static LineupRow row(ProxyChannel item, PlaylistEntry entry, long position) {
            String number = item.number() == null
                    ? Long.toString(position)
                    : item.number().toString();
            return new LineupRow(number, item.channel().id().toString(), entry.tvgId(), entry.group(), entry.name());
        }

        private static Writer utf8(OutputStream out) {
            return new Utf8TextWriter(out, 64 * 1024);
        }
    }
}
