package io.tvarr.domain.epg;

import static io.tvarr.domain.TestData.aProgramme;
import static io.tvarr.domain.TestData.anEpgChannel;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetainedProgrammesTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private final EpgSourceId source = EpgSourceId.random();
    private final List<Object> passed = new ArrayList<>();
    private final RetainedProgrammes retained = new RetainedProgrammes(
            new EpgSink() {
                @Override
                public void channel(EpgChannel channel) {
                    passed.add(channel);
                }

                @Override
                public void programme(EpgProgramme programme) {
                    passed.add(programme);
                }
            },
            new RetentionWindow(1, 2),
            NOW);

    @Test
    void passes_channels_and_programmes_inside_the_window_and_counts_the_rest() {
        EpgChannel channel = anEpgChannel(source, "bbc1", "BBC One");
        EpgProgramme tonight = aProgramme(source, "bbc1", NOW.plus(Duration.ofHours(8)), "News");
        EpgProgramme lastWeek = aProgramme(source, "bbc1", NOW.minus(Duration.ofDays(7)), "Old news");
        EpgProgramme nextWeek = aProgramme(source, "bbc1", NOW.plus(Duration.ofDays(7)), "Future news");

        retained.channel(channel);
        retained.programme(lastWeek);
        retained.programme(tonight);
        retained.programme(nextWeek);

        assertThat(passed).containsExactly(channel, tonight);
        assertThat(retained.outside()).isEqualTo(2);
    }
}
