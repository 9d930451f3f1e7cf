package io.tvarr.http.web;

import io.tvarr.domain.filter.ExpressionProblem;
import io.tvarr.domain.filter.port.in.PreviewResult;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the editor shows under an expression as it is typed: the problem with its column marked, or what the
 * expression matches in the stored data.
 *
 * @param problem null when the expression is valid
 * @param preview null when the expression has a problem
 */
public record ExpressionCheck(
        String expression,
        @Nullable ExpressionProblem problem,
        @Nullable PreviewResult preview) {
    private static final List<String> SAMPLE_FIELDS = List.of(
            "channel_name", "group_title", "tvg_id", "programme_title", "programme_start", "channel_group_title");

    /** The text before the marked column. */
    public String before() {
        return expression.substring(0, markAt());
    }

    /** The character at the problem's column; a space when the problem is past the end (something is missing). */
    public String marked() {
        int at = markAt();
        return at < expression.length() ? expression.substring(at, at + 1) : " ";
    }

    public String after() {
        int at = markAt();
        return at < expression.length() ? expression.substring(at + 1) : "";
    }

    /**
     * The fields the samples table shows: those that say which record it is, where the samples have them, then
     * those a rule changed in any sample.
     */
    public List<String> sampleFields() {
        if (preview == null || preview.samples().isEmpty()) {
            return List.of();
        }
        var shown = preview.samples().get(0).after().keySet();
        Set<String> fields = new LinkedHashSet<>();
        SAMPLE_FIELDS.stream().filter(shown::contains).forEach(fields::add);
        for (PreviewResult.Sample sample : preview.samples()) {
            sample.after().forEach((field, value) -> {
                if (!Objects.equals(sample.before().get(field), value)) {
                    fields.add(field);
                }
            });
        }
        return List.copyOf(fields);
    }

    /** A field's value before the expression ran, when it changed it; else null. */
    public static @Nullable String changedFrom(PreviewResult.Sample sample, String field) {
        String before = sample.before().get(field);
        return Objects.equals(before, sample.after().get(field)) ? null : before;
    }

    private int markAt() {
        int column = problem == null ? 1 : problem.column();
        return Math.max(0, Math.min(column - 1, expression.length()));
    }
}
