package io.tvarr.http.web;

import io.tvarr.domain.health.HealthStatus;
import io.tvarr.domain.health.StreamHealth;
import java.util.List;
import java.util.Map;

/**
 * A channel source's stream checks as its page shows them: the counts and the most recent results. Guides have
 * none ({@link #NONE}, not shown).
 *
 * @param shown whether the source's kind has stream checks at all
 */
public record SourceHealth(boolean shown, long working, long broken, List<StreamHealth> recent) {
    /** Results the source page lists. */
    static final int RECENT = 20;

    static final SourceHealth NONE = new SourceHealth(false, 0, 0, List.of());

    public SourceHealth {
        recent = List.copyOf(recent);
    }

    static SourceHealth of(Map<HealthStatus, Long> counts, List<StreamHealth> recent) {
        return new SourceHealth(
                true,
                counts.getOrDefault(HealthStatus.WORKING, 0L),
                counts.getOrDefault(HealthStatus.BROKEN, 0L),
                recent);
    }

    public boolean checked() {
        return working + broken > 0;
    }

    /** The status as a CSS class and a word: {@code working} or {@code broken}. */
    public static String state(StreamHealth health) {
        return Shown.wire(health.status());
    }

    /** The codecs found, or the reason a stream is broken. */
    public static String detail(StreamHealth health) {
        if (health.status() == HealthStatus.BROKEN) {
            return health.reason() == null ? "" : health.reason();
        }
        String video = health.videoCodec() == null ? "no video" : health.videoCodec();
        String audio = health.audioCodec() == null ? "no audio" : health.audioCodec();
        return video + " / " + audio;
    }
}
