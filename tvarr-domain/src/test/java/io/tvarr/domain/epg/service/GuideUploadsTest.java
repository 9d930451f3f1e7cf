package io.tvarr.domain.epg.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.epg.EpgSourceKind;
import io.tvarr.domain.epg.port.in.SaveEpgSourceCommand;
import io.tvarr.domain.epg.port.in.UploadGuideCommand;
import io.tvarr.domain.job.port.out.CronSchedules;
import io.tvarr.domain.job.service.InMemoryEpgSources;
import io.tvarr.domain.source.service.InMemorySourceFileStore;
import io.tvarr.domain.source.service.SourceFiles;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GuideUploadsTest {
    private static final String GUIDE = "<?xml version=\"1.0\"?>\n<tv><channel id=\"one\"/></tv>\n";

    private final InMemorySourceFileStore store = new InMemorySourceFileStore();
    private final SourceFiles files = new SourceFiles(store, 1 << 20);
    private final EpgSourceService guides = new EpgSourceService(
            new InMemoryEpgSources(),
            new NoCron(),
            Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC),
            files);
    private final GuideUploads uploads = new GuideUploads(guides, files);

    @Test
    void a_new_guide_is_an_xmltv_source_reading_the_kept_file() {
        EpgSource guide = uploads.upload(UploadGuideCommand.newSource("Guide", text(GUIDE)));

        assertThat(guide.kind()).isEqualTo(EpgSourceKind.XMLTV);
        assertThat(store.files()).containsOnlyKeys(guide.url());
        assertThat(guide.url().toString()).endsWith(".xml");
    }

    @Test
    void a_replaced_file_deletes_the_old_one() {
        EpgSource first = uploads.upload(UploadGuideCommand.newSource("Guide", text(GUIDE)));

        EpgSource replaced = uploads.upload(UploadGuideCommand.replace(first.id(), text(GUIDE)));

        assertThat(store.files()).containsOnlyKeys(replaced.url());
    }

    @Test
    void deleting_the_guide_deletes_its_file() {
        EpgSource guide = uploads.upload(UploadGuideCommand.newSource("Guide", text(GUIDE)));

        guides.delete(guide.id());

        assertThat(store.files()).isEmpty();
    }

    @Test
    void an_xtream_guide_cannot_read_an_upload() {
        SaveEpgSourceCommand xtream = SaveEpgSourceCommand.xtream("X", "http://x.test", "u", "p");

        assertThatThrownBy(() -> uploads.upload(new UploadGuideCommand(null, xtream, text(GUIDE))))
                .hasMessage("kind: an uploaded guide is read by an xmltv guide, not xtream");
        assertThat(store.files()).isEmpty();
    }

    @Test
    void a_playlist_is_not_a_guide() {
        assertThatThrownBy(() -> uploads.upload(UploadGuideCommand.newSource("Guide", text("#EXTM3U\n"))))
                .hasMessageStartingWith("file: not an XMLTV guide");
        assertThat(guides.list()).isEmpty();
    }

    private static InputStream text(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static final class NoCron implements CronSchedules {
        @Override
        public void validate(String field, String expression) {}

        @Override
        public Optional<Instant> next(String expression, Instant after) {
            return Optional.empty();
        }

        @Override
        public Optional<Instant> previous(String expression, Instant at) {
            return Optional.empty();
        }
    }
}
