package io.tvarr.http.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.ValidationException;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.failover.ChannelAlternates;
import io.tvarr.domain.failover.MergeBy;
import io.tvarr.domain.failover.ProxyFailover;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AlternatesEditTest {
    private static final ChannelId MAIN = channel(1);
    private static final ChannelId OTHER = channel(2);
    private static final ChannelId A = channel(11);
    private static final ChannelId B = channel(12);
    private static final ChannelId C = channel(13);

    private static ChannelId channel(int n) {
        return new ChannelId(new UUID(0, n));
    }

    private static ProxyFailover stored(ChannelAlternates... entries) {
        return new ProxyFailover(MergeBy.NAME, List.of(entries));
    }

    @Nested
    class Add {
        @Test
        void the_first_alternate_makes_the_channels_entry_after_the_others() {
            ProxyFailover edited =
                    new AlternatesEdit.Add(A).applyTo(stored(new ChannelAlternates(OTHER, List.of(B))), MAIN);

            assertThat(edited.manual())
                    .containsExactly(new ChannelAlternates(OTHER, List.of(B)), new ChannelAlternates(MAIN, List.of(A)));
            assertThat(edited.mergeBy()).isEqualTo(MergeBy.NAME);
        }

        @Test
        void a_further_alternate_is_tried_last() {
            ProxyFailover edited =
                    new AlternatesEdit.Add(B).applyTo(stored(new ChannelAlternates(MAIN, List.of(A))), MAIN);

            assertThat(edited.manualAlternates(MAIN)).containsExactly(A, B);
        }

        @Test
        void the_channel_itself_is_refused_by_the_domain() {
            AlternatesEdit itself = new AlternatesEdit.Add(MAIN);

            assertThatThrownBy(() -> itself.applyTo(stored(), MAIN))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("names the channel itself");
        }
    }

    @Nested
    class Remove {
        @Test
        void the_last_alternate_removed_removes_the_entry() {
            ProxyFailover edited =
                    new AlternatesEdit.Remove(A).applyTo(stored(new ChannelAlternates(MAIN, List.of(A))), MAIN);

            assertThat(edited.manual()).isEmpty();
        }

        @Test
        void keeps_the_others_in_order() {
            ProxyFailover edited =
                    new AlternatesEdit.Remove(B).applyTo(stored(new ChannelAlternates(MAIN, List.of(A, B, C))), MAIN);

            assertThat(edited.manualAlternates(MAIN)).containsExactly(A, C);
        }
    }

    @Nested
    class Move {
        @Test
        void up_swaps_with_the_one_before() {
            ProxyFailover edited = new AlternatesEdit.Move(C, true)
                    .applyTo(stored(new ChannelAlternates(MAIN, List.of(A, B, C))), MAIN);

            assertThat(edited.manualAlternates(MAIN)).containsExactly(A, C, B);
        }

        @Test
        void down_swaps_with_the_one_after() {
            ProxyFailover edited = new AlternatesEdit.Move(A, false)
                    .applyTo(stored(new ChannelAlternates(MAIN, List.of(A, B, C))), MAIN);

            assertThat(edited.manualAlternates(MAIN)).containsExactly(B, A, C);
        }

        @Test
        void at_either_end_or_not_listed_nothing_moves() {
            ProxyFailover stored = stored(new ChannelAlternates(MAIN, List.of(A, B)));

            assertThat(new AlternatesEdit.Move(A, true).applyTo(stored, MAIN).manualAlternates(MAIN))
                    .containsExactly(A, B);
            assertThat(new AlternatesEdit.Move(B, false).applyTo(stored, MAIN).manualAlternates(MAIN))
                    .containsExactly(A, B);
            assertThat(new AlternatesEdit.Move(C, true).applyTo(stored, MAIN).manualAlternates(MAIN))
                    .containsExactly(A, B);
        }
    }
}
