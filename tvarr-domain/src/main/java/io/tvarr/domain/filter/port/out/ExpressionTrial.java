package io.tvarr.domain.filter.port.out;

import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.epg.EpgProgramme;
import io.tvarr.domain.source.StreamSource;
import java.util.Map;

/**
 * One compiled expression run on records one by one, without storing anything: a filter matches a record when its
 * condition holds; a mapping rule when its condition holds, and its actions then change the values it reports
 * (never the stored record). Not thread-safe: it reuses one record buffer and one evaluation context, so take one
 * per preview.
 */
public interface ExpressionTrial {
    /**
     * Runs a channel expression on a stored channel and the source it came from.
     *
     * @throws IllegalStateException when the expression is of a programme domain
     */
    Outcome run(Channel channel, StreamSource source, Detail detail);

    /**
     * Runs a programme expression on a stored programme.
     *
     * @throws IllegalStateException when the expression is of a channel domain
     */
    Outcome run(EpgProgramme programme, Detail detail);

    /** How much an outcome reports: the values cost two maps per record, so previews ask only while they keep samples. */
    enum Detail {
        VERDICT,
        VALUES
    }

    /**
     * What the expression did to one record.
     *
     * @param failed its evaluation reported an error (a non-numeric value under a numeric operator, a regex over
     *     its budget); the failing comparison counted as false
     * @param before the record's field values by canonical name (unset fields left out) before it ran; empty unless
     *     {@link Detail#VALUES} was asked for
     * @param after the values after it ran; empty unless {@link Detail#VALUES} was asked for and it matched
     */
    record Outcome(boolean matched, boolean failed, Map<String, String> before, Map<String, String> after) {
        public Outcome {
            before = Map.copyOf(before);
            after = Map.copyOf(after);
        }
    }
}
