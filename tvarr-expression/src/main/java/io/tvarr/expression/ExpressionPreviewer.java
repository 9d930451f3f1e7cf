package io.tvarr.expression;

import io.tvarr.domain.channel.port.out.ChannelRepository;
import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.epg.port.out.EpgRepository;
import io.tvarr.domain.epg.port.out.EpgSourceRepository;
import io.tvarr.domain.filter.ExpressionProblem;
import io.tvarr.domain.filter.InvalidExpressionException;
import io.tvarr.domain.filter.port.in.PreviewExpressionUseCase;
import io.tvarr.domain.filter.port.in.PreviewQuery;
import io.tvarr.domain.filter.port.in.PreviewResult;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.port.out.StreamSourceRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs an unsaved expression over stored channels or programmes, streaming them (nothing is loaded whole) and
 * keeping only the first matches as samples.
 */
public final class ExpressionPreviewer implements PreviewExpressionUseCase {
    private final StreamSourceRepository sources;
    private final ChannelRepository channels;
    private final EpgSourceRepository epgSources;
    private final EpgRepository epg;
    private final Clock clock;

    public ExpressionPreviewer(
            StreamSourceRepository sources,
            ChannelRepository channels,
            EpgSourceRepository epgSources,
            EpgRepository epg,
            Clock clock) {
        this.sources = sources;
        this.channels = channels;
        this.epgSources = epgSources;
        this.epg = epg;
        this.clock = clock;
    }

    @Override
    public PreviewResult preview(PreviewQuery query) {
        Tally tally = new Tally(query);
        if (query.domain().isChannelDomain()) {
            ChannelRecord record = new ChannelRecord();
            for (StreamSource source : sources.findAll()) {
                if (!query.sources().isEmpty() && !query.sources().contains(source.id())) {
                    continue;
                }
                String kind = source.kind().name().toLowerCase(Locale.ROOT);
                channels.forEachBySource(
                        source.id(),
                        channel -> tally.count(
                                record.load(
                                        channel,
                                        source.name(),
                                        kind,
                                        source.url().toString()),
                                FieldRegistry.CHANNELS));
            }
        } else {
            ProgrammeRecord record = new ProgrammeRecord();
            Instant now = clock.instant();
            for (EpgSource source : epgSources.findAll()) {
                if (!query.epgSources().isEmpty() && !query.epgSources().contains(source.id())) {
                    continue;
                }
                epg.forEachProgrammeBySource(
                        source.id(),
                        source.retention().from(now),
                        source.retention().to(now),
                        programme -> tally.count(record.load(programme, null), FieldRegistry.PROGRAMMES));
            }
        }
        return tally.result();
    }

    /** Evaluates and counts; keeps the first samples. */
    private static final class Tally {
        private final PreviewQuery query;
        private final CompiledFilter filter;
        private final CompiledRule rule;
        private final EvaluationContext context = new EvaluationContext();
        private final List<PreviewResult.Sample> samples = new ArrayList<>();
        private long scanned;
        private long matched;
        private long erroredRecords;

        Tally(PreviewQuery query) {
            this.query = query;
            boolean isFilter = query.domain().isFilter();
            try {
                this.filter = isFilter ? Expressions.filter(query.domain(), query.expression()) : null;
                this.rule = isFilter ? null : Expressions.rule(query.domain(), query.expression());
            } catch (ExpressionException e) {
                throw new InvalidExpressionException(
                        "expression", new ExpressionProblem(e.problem(), e.column(), e.caret()));
            }
        }

        void count(FieldValues record, FieldRegistry fields) {
            scanned++;
            long errorsBefore = context.errors();
            Map<String, String> before = samples.size() < query.samples() ? snapshot(record, fields) : null;
            boolean hit = filter != null ? filter.matches(record, context) : rule.apply(record, context);
            if (context.errors() > errorsBefore) {
                erroredRecords++;
            }
            if (hit) {
                matched++;
                if (before != null) {
                    samples.add(new PreviewResult.Sample(before, snapshot(record, fields)));
                }
            }
        }

        PreviewResult result() {
            return new PreviewResult(scanned, matched, erroredRecords, samples);
        }

        private static Map<String, String> snapshot(FieldValues record, FieldRegistry fields) {
            Map<String, String> values = new LinkedHashMap<>();
            for (Field field : fields.fields()) {
                String value = record.get(field.index());
                if (value != null) {
                    values.put(field.name(), value);
                }
            }
            return values;
        }
    }
}
