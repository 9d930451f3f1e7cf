package io.tvarr.pipeline;

import static io.tvarr.domain.TestData.anEpgChannel;
import static io.tvarr.domain.TestData.anXmltvSource;
import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.epg.ChannelIdRange;
import io.tvarr.domain.epg.EpgSource;
import io.tvarr.pipeline.ProgrammeFeed.GuideRange;
import io.tvarr.pipeline.stage.epg.GuideSelection;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GuidePassTest {
    private final EpgSource big = anXmltvSource("big");
    private final EpgSource small = anXmltvSource("small");
    private final EpgSource unused = anXmltvSource("unused");
    private final GuideSelection selection = new GuideSelection();

    GuidePassTest() {
        for (String id : List.of("a.uk", "b.uk", "c.uk", "d.uk")) {
            selection.select(anEpgChannel(big.id(), id, id), id, id, null, null);
        }
        selection.select(anEpgChannel(small.id(), "z.uk", "Z"), "Z", "1", null, null);
    }

    @Nested
    class Ranges {
        @Test
        void one_reader_reads_every_used_guide_whole_in_the_proxy_order() {
            List<List<GuideRange>> ranges = GuidePass.ranges(List.of(small, unused, big), selection, 1);

            assertThat(ranges)
                    .containsExactly(List.of(
                            new GuideRange(small.id(), ChannelIdRange.ALL),
                            new GuideRange(big.id(), ChannelIdRange.ALL)));
        }

        @Test
        void two_readers_split_a_big_guide_and_leave_a_small_one_to_the_first() {
            List<List<GuideRange>> ranges = GuidePass.ranges(List.of(big, small, unused), selection, 2);

            assertThat(ranges)
                    .containsExactly(
                            List.of(
                                    new GuideRange(big.id(), new ChannelIdRange(null, "c.uk")),
                                    new GuideRange(small.id(), ChannelIdRange.ALL)),
                            List.of(new GuideRange(big.id(), new ChannelIdRange("c.uk", null))));
        }

        @Test
        void two_readers_without_used_guides_read_nothing() {
            assertThat(GuidePass.ranges(List.of(unused), selection, 2)).containsExactly(List.of(), List.of());
        }
    }
}
