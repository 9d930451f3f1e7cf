package io.tvarr.expression;

import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.epg.EpgProgramme;
import io.tvarr.domain.filter.ExpressionDomain;
import io.tvarr.domain.filter.port.out.ExpressionTrial;
import io.tvarr.domain.source.StreamSource;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A filter or rule run on one record at a time, reporting what it did; the language's side of a preview. */
final class RecordTrial implements ExpressionTrial {
    private final ExpressionDomain domain;
    private final @Nullable CompiledFilter filter;
    private final @Nullable CompiledRule rule;
    private final EvaluationContext context = new EvaluationContext();
    private final ChannelRecord channelRecord = new ChannelRecord();
    private final ProgrammeRecord programmeRecord = new ProgrammeRecord();

    /** @throws ExpressionException when the expression is not valid for the domain */
    RecordTrial(ExpressionDomain domain, String expression) {
        this.domain = domain;
        this.filter = domain.isFilter() ? Expressions.filter(domain, expression) : null;
        this.rule = domain.isFilter() ? null : Expressions.rule(domain, expression);
    }

    @Override
    public Outcome run(Channel channel, StreamSource source, Detail detail) {
        requireDomain(true);
        String kind = source.kind().name().toLowerCase(Locale.ROOT);
        return run(
                channelRecord.load(channel, source.name(), kind, source.url().toString()),
                FieldRegistry.CHANNELS,
                detail);
    }

    @Override
    public Outcome run(EpgProgramme programme, Detail detail) {
        requireDomain(false);
        // the channel's group is unknown here: previews read a guide on its own, without the lineup
        return run(programmeRecord.load(programme, null), FieldRegistry.PROGRAMMES, detail);
    }

    private Outcome run(FieldValues record, FieldRegistry fields, Detail detail) {
        long errorsBefore = context.errors();
        Map<String, String> before = detail == Detail.VALUES ? values(record, fields) : Map.of();
        boolean matched = filter != null ? filter.matches(record, context) : rule.apply(record, context);
        Map<String, String> after = matched && detail == Detail.VALUES ? values(record, fields) : Map.of();
        return new Outcome(matched, context.errors() > errorsBefore, before, after);
    }

    private void requireDomain(boolean channels) {
        if (domain.isChannelDomain() != channels) {
            throw new IllegalStateException(
                    "an expression of " + domain + " runs on " + (channels ? "programmes" : "channels"));
        }
    }

    private static Map<String, String> values(FieldValues record, FieldRegistry fields) {
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
