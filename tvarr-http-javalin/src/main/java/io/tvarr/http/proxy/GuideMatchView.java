package io.tvarr.http.proxy;

import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiNullable;
import io.tvarr.domain.proxy.GuideMatch;
import io.tvarr.http.EnumParam;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** How one channel was matched to the guide. */
record GuideMatchView(
        String channelId,
        String channelName,
        @OpenApiNullable @Nullable String tvgId,

        @OpenApiDescription("pinned, exact_id, id_ignoring_case, name, similar or unmatched")
        String tier,

        @OpenApiDescription("100 for the pinned, id and name tiers; the similarity for similar; the best"
                + " candidate's for unmatched")
        int score,

        @OpenApiNullable @OpenApiDescription("the XMLTV id of the guide channel chosen; null when unmatched") @Nullable
        String guideChannelId,

        @OpenApiNullable @OpenApiDescription("the guide channel's first display name; null when unmatched") @Nullable
        String guideName,

        @OpenApiDescription("for an unmatched channel the best three guide channels, best first")
        List<GuideCandidateView> candidates) {
    static GuideMatchView of(GuideMatch match) {
        return new GuideMatchView(
                match.channel().toString(),
                match.channelName(),
                match.tvgId(),
                EnumParam.format(match.tier()),
                match.score(),
                match.guide() == null ? null : match.guide().guideChannelId(),
                match.guide() == null ? null : match.guide().name(),
                match.candidates().stream().map(GuideCandidateView::of).toList());
    }
}
