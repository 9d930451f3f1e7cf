package io.tvarr.bench.epg;

import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.epg.port.in.BrowseGuideUseCase;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Times the programme queries that answer people rather than generations: one channel's programmes over a day (the
 * programme API, the guide grid, the Xtream short EPG all ask this), the next two of a channel (now/next) and what
 * is on air on every channel of the guide.
 */
record GuideQueries(BrowseGuideUseCase programmes, EpgSourceId source, int channels) {
    private static final int SAMPLES = 200;

    void print(Instant guideStart) {
        Instant now = guideStart.plus(Duration.ofHours(13));
        time(
                "a channel's day (programmes, 24 h)",
                i -> programmes
                        .programmes(
                                source,
                                channel(i),
                                now.minus(Duration.ofHours(1)),
                                now.plus(Duration.ofHours(23)),
                                0,
                                100)
                        .size());
        time(
                "now/next of a channel (any source)",
                i -> programmes
                        .programmes(null, channel(i), now, now.plus(Duration.ofHours(12)), 0, 2)
                        .size());
        long[] onAir = new long[7];
        for (int i = 0; i < onAir.length; i++) {
            long began = System.nanoTime();
            int found = programmes.now(List.of(source), 100_000).size();
            onAir[i] = System.nanoTime() - began;
            if (found == 0) {
                throw new IllegalStateException("nothing on air in guide " + source);
            }
        }
        Arrays.sort(onAir);
        System.out.printf("on air on every channel (%d channels): median %.1f ms%n", channels, onAir[3] / 1e6);
    }

    private String channel(int sample) {
        return "ch" + (long) sample * channels / SAMPLES + ".example";
    }

    private void time(String what, java.util.function.IntUnaryOperator query) {
        long[] took = new long[SAMPLES];
        long found = 0;
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < SAMPLES; i++) {
                long began = System.nanoTime();
                found += query.applyAsInt(i);
                took[i] = System.nanoTime() - began;
            }
        }
        Arrays.sort(took);
        System.out.printf(
                "%s, %d channels: median %.2f ms, p95 %.2f ms, %d programmes%n",
                what, SAMPLES, took[SAMPLES / 2] / 1e6, took[SAMPLES * 95 / 100] / 1e6, found / 2);
    }
}
