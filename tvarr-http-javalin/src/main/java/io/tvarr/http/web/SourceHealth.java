package io.tvarr.http.web;

import io.tvarr.domain.health.HealthCheckSettings;
import io.tvarr.domain.health.HealthStatus;
import io.tvarr.domain.health.StreamHealth;
import java.util.List;
import java.util.Map;

/**
 * A channel source's stream checks as its page shows them: the settings form, the counts and the most recent
 * results. Guides have none ({@link #NONE}, not shown).
 *
 * @param shown whether the source's kind has stream checks at all
 * @param form the settings as stored, or as typed in a refused form
 * @param errors why the form was refused, if it was
 */
public record SourceHealth(
        boolean shown, long working, long broken, List<StreamHealth> recent, HealthForm form, FormErrors errors) {
    /** Results the source page lists. */
    static final int RECENT = 20;

    static final SourceHealth NONE =
            new SourceHealth(false, 0, 0, List.of(), HealthForm.of(HealthCheckSettings.DEFAULT), FormErrors.NONE);

    public SourceHealth {
        recent = List.copyOf(recent);
    }

    static SourceHealth of(Map<HealthStatus, Long> counts, List<StreamHealth> recent, HealthCheckSettings settings) {
        return new SourceHealth(
                true,
                counts.getOrDefault(HealthStatus.WORKING, 0L),
                counts.getOrDefault(HealthStatus.BROKEN, 0L),
                recent,
                HealthForm.of(settings),
                FormErrors.NONE);
    }

    /** The same, showing a refused form with its messages. */
    SourceHealth refused(HealthForm typed, FormErrors why) {
        return new SourceHealth(shown, working, broken, recent, typed, why);
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
