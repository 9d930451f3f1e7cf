package io.tvarr.domain.filter.service;

import io.tvarr.domain.channel.port.out.ChannelRepository;
import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.epg.port.out.EpgRepository;
import io.tvarr.domain.epg.port.out.EpgSourceRepository;
import io.tvarr.domain.filter.port.in.PreviewExpressionUseCase;
import io.tvarr.domain.filter.port.in.PreviewQuery;
import io.tvarr.domain.filter.port.in.PreviewResult;
import io.tvarr.domain.filter.port.out.ExpressionLanguage;
import io.tvarr.domain.filter.port.out.ExpressionTrial;
import io.tvarr.domain.filter.port.out.ExpressionTrial.Detail;
import io.tvarr.domain.filter.port.out.ExpressionTrial.Outcome;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.port.out.StreamSourceRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs an unsaved expression over stored channels or programmes, streaming them (nothing is loaded whole) and
 * keeping only the first matches as samples. Programmes are those inside each guide source's retention window,
 * the ones a generation would see. Thread-safe: each preview compiles its own trial.
 */
public final class ExpressionPreviewer implements PreviewExpressionUseCase {
    /** The stored records a preview reads. */
    public record Records(
            StreamSourceRepository sources,
            ChannelRepository channels,
            EpgSourceRepository epgSources,
            EpgRepository epg) {}

    private final Records records;
    private final ExpressionLanguage language;
    private final Clock clock;

    public ExpressionPreviewer(Records records, ExpressionLanguage language, Clock clock) {
        this.records = records;
        this.language = language;
        this.clock = clock;
    }

    @Override
    public PreviewResult preview(PreviewQuery query) {
        ExpressionTrial trial = language.trial(query.domain(), query.expression());
        Tally tally = new Tally(query.samples());
        if (query.domain().isChannelDomain()) {
            for (StreamSource source : records.sources().findAll()) {
                if (query.sources().isEmpty() || query.sources().contains(source.id())) {
                    records.channels()
                            .forEachBySource(
                                    source.id(), channel -> tally.count(trial.run(channel, source, tally.detail())));
                }
            }
        } else {
            Instant now = clock.instant();
            for (EpgSource source : records.epgSources().findAll()) {
                if (query.epgSources().isEmpty() || query.epgSources().contains(source.id())) {
                    records.epg()
                            .forEachProgrammeBySource(
                                    source.id(),
                                    source.retention().from(now),
                                    source.retention().to(now),
                                    programme -> tally.count(trial.run(programme, tally.detail())));
                }
            }
        }
        return tally.result();
    }

    /** Counts outcomes and keeps the first matches as samples. */
    private static final class Tally {
        private final int sampleLimit;
        private final List<PreviewResult.Sample> samples = new ArrayList<>();
        private long scanned;
        private long matched;
        private long failed;

        Tally(int sampleLimit) {
            this.sampleLimit = sampleLimit;
        }

        /** Values only while samples are still wanted: taking them costs a map per record. */
        Detail detail() {
            return samples.size() < sampleLimit ? Detail.VALUES : Detail.VERDICT;
        }

        void count(Outcome outcome) {
            scanned++;
            if (outcome.failed()) {
                failed++;
            }
            if (outcome.matched()) {
                matched++;
                if (samples.size() < sampleLimit) {
                    samples.add(new PreviewResult.Sample(outcome.before(), outcome.after()));
                }
            }
        }

        PreviewResult result() {
            return new PreviewResult(scanned, matched, failed, samples);
        }
    }
}
