package io.tvarr.domain.ingestion.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.ConflictException;
import io.tvarr.domain.UpstreamException;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.ingestion.IngestionOutcome;
import io.tvarr.domain.ingestion.IngestionState;
import io.tvarr.domain.ingestion.IngestionStatus;
import io.tvarr.domain.ingestion.IngestionTarget;
import io.tvarr.domain.source.SourceId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ExclusiveIngestionsTest {
    private final IngestionTarget channels = new IngestionTarget.ChannelSource(SourceId.random());
    private final IngestionTarget guide = new IngestionTarget.GuideSource(EpgSourceId.random());
    private final List<Runnable> queued = new ArrayList<>();
    private final ExclusiveIngestions ingestions = new ExclusiveIngestions(
            new FakeIngestionStatuses(), queued::add, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    @Nested
    class Listeners {
        @Test
        void hear_the_typed_target_of_every_success() {
            List<IngestionTarget> heard = new ArrayList<>();
            ingestions.whenSucceeded(heard::add);

            ingestions.run(channels, progress -> new IngestionOutcome(3, Map.of()));
            ingestions.start(guide, progress -> new IngestionOutcome(5, Map.of()));
            queued.forEach(Runnable::run);

            assertThat(heard).containsExactly(channels, guide);
        }

        @Test
        void hear_nothing_of_a_failure() {
            List<IngestionTarget> heard = new ArrayList<>();
            ingestions.whenSucceeded(heard::add);

            assertThatThrownBy(() -> ingestions.run(guide, progress -> {
                        throw new UpstreamException("guide.example: http 503");
                    }))
                    .isInstanceOf(UpstreamException.class);

            assertThat(heard).isEmpty();
            assertThat(ingestions.status(guide).state()).isEqualTo(IngestionState.FAILED);
        }

        @Test
        void a_failing_listener_does_not_fail_the_ingestion() {
            ingestions.whenSucceeded(target -> {
                throw new IllegalStateException("queue closed");
            });

            IngestionStatus status = ingestions.run(channels, progress -> new IngestionOutcome(3, Map.of()));

            assertThat(status.state()).isEqualTo(IngestionState.SUCCEEDED);
        }
    }

    @Nested
    class Exclusivity {
        @Test
        void holds_per_target_not_across_targets() {
            ingestions.start(channels, progress -> new IngestionOutcome(1, Map.of()));

            ingestions.start(guide, progress -> new IngestionOutcome(1, Map.of()));

            assertThat(ingestions.isRunning(channels)).isTrue();
            assertThat(ingestions.isRunning(guide)).isTrue();
            assertThatThrownBy(() -> ingestions.start(guide, progress -> new IngestionOutcome(1, Map.of())))
                    .isInstanceOf(ConflictException.class)
                    .hasMessage("epg source " + guide.key() + ": an ingestion is already running");
        }

        @Test
        void a_running_target_is_found_by_its_key() {
            ingestions.start(guide, progress -> new IngestionOutcome(1, Map.of()));

            assertThat(ingestions.isRunning(guide.key())).isTrue();
            assertThat(ingestions.isRunning(channels.key())).isFalse();
            queued.forEach(Runnable::run);
            assertThat(ingestions.isRunning(guide.key())).isFalse();
        }
    }
}
