package io.tvarr.http.proxy;

import io.javalin.openapi.OpenApiDescription;
import io.tvarr.domain.proxy.GuideCandidate;

/** A guide channel considered for a channel, with the similarity of the names (0-100). */
record GuideCandidateView(
        @OpenApiDescription("the guide channel's XMLTV id") String guideChannelId,
        String name,

        @OpenApiDescription("0 (nothing alike) to 100 (the same)")
        int score) {
    static GuideCandidateView of(GuideCandidate candidate) {
        return new GuideCandidateView(candidate.guideChannelId(), candidate.name(), candidate.score());
    }
}
