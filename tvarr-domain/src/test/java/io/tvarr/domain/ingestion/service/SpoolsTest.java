package io.tvarr.domain.ingestion.service;

import static io.tvarr.domain.TestData.aChannel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.epg.EpgChannel;
import io.tvarr.domain.epg.EpgProgramme;
import io.tvarr.domain.epg.EpgSink;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.epg.LocalizedText;
import io.tvarr.domain.epg.ProgrammeFlag;
import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.vod.VodEpisode;
import io.tvarr.domain.vod.VodMovie;
import io.tvarr.domain.vod.VodSeries;
import io.tvarr.domain.vod.VodSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a refresh spools comes back equal, in order, and the spool file never outlives its spool. */
class SpoolsTest {
    private static final SourceId SOURCE = new SourceId(new UUID(0, 1));
    private static final EpgSourceId GUIDE = new EpgSourceId(new UUID(0, 2));
    /** Longer than the spool's 64 KiB buffer, and not all one byte per character. */
    private static final String LONG = "é€😀x".repeat(20_000);

    @TempDir
    Path dir;

    private long files() throws IOException {
        try (Stream<Path> listed = Files.list(dir)) {
            return listed.count();
        }
    }

    @Nested
    class Channels {
        @Test
        void come_back_equal_and_in_order_with_every_field_and_none() {
            List<Channel> written = new ArrayList<>();
            written.add(aChannel()
                    .from(SOURCE)
                    .withKey("m3u:full")
                    .named("BBC One HD")
                    .withTvgId("bbc1.uk")
                    .withTvgName("BBC One")
                    .withNumber("101")
                    .inGroup("UK | Entertainment")
                    .withLogo("http://logos.example/bbc1.png")
                    .withUrl("http://up.example/1.ts")
                    .withAttribute("catchup", "default")
                    .withAttribute("http-user-agent", LONG)
                    .build());
            written.add(aChannel().from(SOURCE).withKey("bare").named("Bare").build());
            for (int i = 0; i < 5_000; i++) {
                written.add(aChannel()
                        .from(SOURCE)
                        .withKey("k" + i)
                        .named("Channel " + i)
                        .build());
            }
            List<Channel> read = new ArrayList<>();

            try (ChannelSpool spool = new ChannelSpool(dir, SOURCE)) {
                written.forEach(spool::accept);
                spool.replayTo(read::add);
                assertThat(spool.count()).isEqualTo(written.size());
            }

            assertThat(read).containsExactlyElementsOf(written);
        }

        @Test
        void refuse_a_channel_of_another_source() {
            try (ChannelSpool spool = new ChannelSpool(dir, SOURCE)) {
                Channel stranger = aChannel().from(new SourceId(new UUID(0, 9))).build();
                assertThatThrownBy(() -> spool.accept(stranger))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("belongs to source " + stranger.sourceId());
            }
        }

        @Test
        void leave_no_file_once_closed() throws IOException {
            try (ChannelSpool spool = new ChannelSpool(dir, SOURCE)) {
                spool.accept(aChannel().from(SOURCE).build());
            }

            assertThat(files()).isZero();
        }
    }

    @Nested
    class Guides {
        @Test
        void come_back_equal_and_interleaved_as_they_came() {
            Instant start = Instant.parse("2026-03-01T20:00:00.250Z");
            List<Object> written = List.of(
                    new EpgChannel(
                            GUIDE,
                            "bbc1.uk",
                            List.of(new LocalizedText("BBC One", "en"), new LocalizedText("BBC 1", null)),
                            "http://logos.example/bbc1.png",
                            "http://bbc.example"),
                    programme("bbc1.uk", start, Set.of(ProgrammeFlag.NEW, ProgrammeFlag.LIVE), LONG),
                    programme("bbc1.uk", start.plusSeconds(1800), Set.of(), null),
                    new EpgChannel(GUIDE, "bbc2.uk", List.of(), null, null),
                    programme("bbc2.uk", start, Set.of(ProgrammeFlag.PREVIOUSLY_SHOWN), null),
                    programme("bbc1.uk", start.plusSeconds(3600), Set.of(ProgrammeFlag.values()), null),
                    programme("bbc1.uk", Instant.parse("1969-12-31T23:00:00Z"), Set.of(), "<credits/>"));
            List<Object> read = new ArrayList<>();

            try (GuideSpool spool = new GuideSpool(dir, GUIDE)) {
                for (Object entry : written) {
                    if (entry instanceof EpgChannel channel) {
                        spool.channel(channel);
                    } else {
                        spool.programme((EpgProgramme) entry);
                    }
                }
                assertThat(spool.programmes()).isEqualTo(5);
                spool.replayTo(new EpgSink() {
                    @Override
                    public void channel(EpgChannel channel) {
                        read.add(channel);
                    }

                    @Override
                    public void programme(EpgProgramme programme) {
                        read.add(programme);
                    }
                });
            }

            assertThat(read).containsExactlyElementsOf(written);
        }

        private EpgProgramme programme(String channel, Instant start, Set<ProgrammeFlag> flags, String extra) {
            return new EpgProgramme(
                    GUIDE,
                    channel,
                    start,
                    start.plusSeconds(1800).plusNanos(5),
                    "Title of " + start,
                    "en",
                    extra == null ? null : "Sub",
                    extra == null ? null : "About it",
                    extra == null ? List.of() : List.of("News", "Talk"),
                    extra == null ? null : "http://icons.example/p.png",
                    extra == null ? null : "0.1.0/1",
                    extra == null ? null : "S01E02",
                    extra == null ? null : "PG",
                    flags,
                    extra);
        }

        @Test
        void leave_no_file_once_closed_even_unread() throws IOException {
            try (GuideSpool spool = new GuideSpool(dir, GUIDE)) {
                spool.channel(new EpgChannel(GUIDE, "bbc1.uk", List.of(), null, null));
            }

            assertThat(files()).isZero();
        }
    }

    @Nested
    class On_demand {
        @Test
        void comes_back_equal_and_in_order() {
            List<Object> written = List.of(
                    new VodMovie(SOURCE, "7", "Film", "Drama", "http://i.example/7.jpg", "mkv", "{\"a\":1}"),
                    new VodMovie(SOURCE, "8", "Other", null, null, null, LONG),
                    new VodSeries(SOURCE, "3", "Show", "Crime", "http://i.example/3.jpg", "{}"),
                    new VodSeries(SOURCE, "4", "Bare", null, null, "{}"),
                    new VodEpisode(SOURCE, "3", "31", 1, 2, "Pilot", "mp4", "{}"),
                    new VodEpisode(SOURCE, "3", "32", 0, null, "Special", null, "{}"),
                    new VodEpisode(SOURCE, "3", "33", 2, -1, "Odd", null, "{}"));
            List<Object> read = new ArrayList<>();

            try (VodSpool spool = new VodSpool(dir, SOURCE)) {
                for (Object item : written) {
                    if (item instanceof VodMovie movie) {
                        spool.movie(movie);
                    } else if (item instanceof VodSeries series) {
                        spool.series(series);
                    } else {
                        spool.episode((VodEpisode) item);
                    }
                }
                spool.replayTo(new VodSink() {
                    @Override
                    public void movie(VodMovie movie) {
                        read.add(movie);
                    }

                    @Override
                    public void series(VodSeries series) {
                        read.add(series);
                    }

                    @Override
                    public void episode(VodEpisode episode) {
                        read.add(episode);
                    }
                });
            }

            assertThat(read).containsExactlyElementsOf(written);
        }
    }

    @Test
    void a_spool_in_a_directory_that_cannot_be_made_says_where() throws IOException {
        Path blocked = Files.writeString(dir.resolve("a-file"), "not a directory");

        assertThatThrownBy(() -> new ChannelSpool(blocked.resolve("spool"), SOURCE))
                .isInstanceOf(io.tvarr.domain.StorageException.class)
                .hasMessageContaining("ingestion spool " + blocked.resolve("spool"))
                .hasMessageContaining("cannot be created");
    }

    @Test
    void an_empty_spool_replays_nothing() {
        List<Channel> read = new ArrayList<>();
        try (ChannelSpool spool = new ChannelSpool(dir, SOURCE)) {
            spool.replayTo(read::add);
        }
        assertThat(read).isEmpty();
        assertThat(Map.of()).isEmpty();
    }
}
