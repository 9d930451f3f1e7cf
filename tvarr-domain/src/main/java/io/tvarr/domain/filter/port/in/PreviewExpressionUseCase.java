package io.tvarr.domain.filter.port.in;

/** Runs an unsaved filter or rule over stored channels or programmes so users can see its effect. */
public interface PreviewExpressionUseCase {
    PreviewResult preview(PreviewQuery query);
}
