package io.tvarr.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.xtream.XtreamChannel;
import io.tvarr.pipeline.output.AtomicPublisher;
import io.tvarr.pipeline.output.XtreamLineupFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XtreamStreamIdsTest {
    private static final SourceId SOURCE = new SourceId(UUID.fromString("00000000-0000-0000-0000-000000000001"));
    private static final EpgSourceId GUIDE = new EpgSourceId(UUID.fromString("00000000-0000-0000-0000-000000000002"));

    @TempDir
    Path dir;

    @Test
    void a_first_lineup_gives_each_channel_the_id_derived_from_it() {
        ChannelId bbc = ChannelId.of(SOURCE, "bbc");

        assertThat(new XtreamStreamIds(dir.resolve("none.tsv")).assign(bbc))
                .isEqualTo(XtreamChannel.preferredStreamId(bbc))
                .isPositive();
    }

    @Test
    void a_clash_takes_the_next_free_number_and_keeps_it_in_the_next_generation() {
        // two channels built to clash: the second's preferred id is the first's
        ChannelId first = new ChannelId(new UUID(5L, 0L));
        ChannelId second = new ChannelId(new UUID(0L, 5L));
        Path file = dir.resolve(XtreamLineupFile.NAME);
        XtreamStreamIds generation1 = new XtreamStreamIds(file);
        int firstId = generation1.assign(first);
        int secondId = generation1.assign(second);
        publish(file, List.of(channel(secondId, second), channel(firstId, first)));

        XtreamStreamIds generation2 = new XtreamStreamIds(file);

        assertThat(secondId).isEqualTo(firstId + 1);
        // in the next generation the order is reversed, yet each channel keeps its id
        assertThat(generation2.assign(second)).isEqualTo(secondId);
        assertThat(generation2.assign(first)).isEqualTo(firstId);
    }

    @Test
    void a_new_channel_never_takes_an_id_the_last_lineup_gave_another() {
        ChannelId old = new ChannelId(new UUID(7L, 0L));
        ChannelId newcomer = new ChannelId(new UUID(0L, 7L));
        Path file = dir.resolve(XtreamLineupFile.NAME);
        publish(file, List.of(channel(XtreamChannel.preferredStreamId(old), old)));

        XtreamStreamIds ids = new XtreamStreamIds(file);

        assertThat(ids.assign(newcomer)).isNotEqualTo(XtreamChannel.preferredStreamId(old));
    }

    @Test
    void the_lineup_file_reads_back_what_was_written() {
        Path file = dir.resolve(XtreamLineupFile.NAME);
        XtreamChannel full = new XtreamChannel(
                42, ChannelId.of(SOURCE, "a"), 101, "BBC\tOne", "UK", "http://logo/a.png", "bbc1.uk", GUIDE);
        XtreamChannel bare = new XtreamChannel(43, ChannelId.of(SOURCE, "b"), null, "Other", null, null, null, null);
        publish(file, List.of(full, bare));

        List<XtreamChannel> read = new ArrayList<>();
        XtreamLineupFile.read(file, read::add);

        assertThat(read)
                .containsExactly(
                        new XtreamChannel(
                                42, full.channelId(), 101, "BBC One", "UK", "http://logo/a.png", "bbc1.uk", GUIDE),
                        bare);
    }

    @Test
    void the_lineup_file_keeps_each_channels_catch_up_days() {
        Path file = dir.resolve(XtreamLineupFile.NAME);
        XtreamChannel archived =
                new XtreamChannel(42, ChannelId.of(SOURCE, "a"), 101, "News", "UK", null, "news.uk", GUIDE, 3);
        XtreamChannel live = new XtreamChannel(43, ChannelId.of(SOURCE, "b"), null, "Other", null, null, null, null);
        publish(file, List.of(archived, live));

        List<XtreamChannel> read = new ArrayList<>();
        XtreamLineupFile.read(file, read::add);

        assertThat(read).containsExactly(archived, live);
        assertThat(read.get(0).hasArchive()).isTrue();
        assertThat(XtreamLineupFile.find(file, 42)).contains(archived);
    }

    @Test
    void a_lineup_of_the_previous_version_still_reads_without_catch_up() throws IOException {
        Path file = dir.resolve(XtreamLineupFile.NAME);
        ChannelId channel = ChannelId.of(SOURCE, "a");
        Files.writeString(
                file, "#tvarr-xtream-lineup\t2\n42\t" + channel + "\t101\tNews\tUK\t\tnews.uk\t" + GUIDE + "\n");

        List<XtreamChannel> read = new ArrayList<>();
        XtreamLineupFile.read(file, read::add);

        assertThat(read).containsExactly(new XtreamChannel(42, channel, 101, "News", "UK", null, "news.uk", GUIDE));
        assertThat(read.get(0).archiveDays()).isZero();
    }

    @Test
    void finds_one_channel_by_its_whole_stream_id() {
        Path file = dir.resolve(XtreamLineupFile.NAME);
        XtreamChannel first = channel(42, ChannelId.of(SOURCE, "a"));
        XtreamChannel second = channel(4, ChannelId.of(SOURCE, "b"));
        publish(file, List.of(first, second));

        assertThat(XtreamLineupFile.find(file, 4)).contains(second);
        assertThat(XtreamLineupFile.find(file, 42)).contains(first);
        assertThat(XtreamLineupFile.find(file, 2)).isEmpty();
        assertThat(XtreamLineupFile.find(dir.resolve("none.tsv"), 42)).isEmpty();
    }

    @Test
    void a_lineup_file_of_the_first_version_still_reads_without_guide_sources() throws IOException {
        Path file = dir.resolve(XtreamLineupFile.NAME);
        ChannelId id = ChannelId.of(SOURCE, "a");
        Files.writeString(file, "#tvarr-xtream-lineup\t1\n42\t" + id + "\t101\tBBC One\tUK\t\tbbc1.uk\n");

        List<XtreamChannel> read = new ArrayList<>();
        XtreamLineupFile.read(file, read::add);

        assertThat(read).containsExactly(new XtreamChannel(42, id, 101, "BBC One", "UK", null, "bbc1.uk", null));
    }

    private static XtreamChannel channel(int streamId, ChannelId id) {
        return new XtreamChannel(streamId, id, null, "c" + streamId, null, null, null, null);
    }

    private static void publish(Path file, List<XtreamChannel> channels) {
        new AtomicPublisher().publish(file, out -> {
            XtreamLineupFile.LineWriter writer = new XtreamLineupFile.LineWriter(out);
            channels.forEach(writer::write);
            writer.flush();
        });
    }
}
