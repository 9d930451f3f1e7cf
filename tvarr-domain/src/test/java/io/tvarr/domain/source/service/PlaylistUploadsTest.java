package io.tvarr.domain.source.service;

import static io.tvarr.domain.source.service.SourceFilesTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.job.port.out.CronSchedules;
import io.tvarr.domain.job.service.InMemoryStreamSources;
import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.source.SourceKind;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.port.in.SaveStreamSourceCommand;
import io.tvarr.domain.source.port.in.UploadPlaylistCommand;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PlaylistUploadsTest {
    private static final String FIRST = "#EXTM3U\n#EXTINF:-1,One\nhttp://example.test/1.ts\n";
    private static final String SECOND = "#EXTM3U\n#EXTINF:-1,Two\nhttp://example.test/2.ts\n";

    private final InMemorySourceFileStore store = new InMemorySourceFileStore();
    private final SourceFiles files = new SourceFiles(store, 1 << 20);
    private final InMemoryStreamSources repository = new InMemoryStreamSources();
    private final StreamSourceService sources = new StreamSourceService(
            repository, new AnyCron(), Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC), files);
    private final PlaylistUploads uploads = new PlaylistUploads(sources, files);

    @Nested
    class New_source {
        @Test
        void is_an_m3u_source_reading_the_kept_file() {
            StreamSource source = uploads.upload(UploadPlaylistCommand.newSource("Sofa", text(FIRST)));

            assertThat(source.kind()).isEqualTo(SourceKind.M3U);
            assertThat(source.name()).isEqualTo("Sofa");
            assertThat(new String(store.files().get(source.url()), StandardCharsets.UTF_8))
                    .isEqualTo(FIRST);
            assertThat(sources.get(source.id()).url()).isEqualTo(source.url());
        }

        @Test
        void keeps_the_settings_given_with_the_upload() {
            SaveStreamSourceCommand settings = SaveStreamSourceCommand.m3u("Sofa", UploadPlaylistCommand.STORED_FILE)
                    .withSchedule("@hourly")
                    .withUserAgent("VLC/3");

            StreamSource source = uploads.upload(new UploadPlaylistCommand(null, settings, text(FIRST)));

            assertThat(source.schedule()).isEqualTo("@hourly");
            assertThat(source.userAgent()).isEqualTo("VLC/3");
        }

        @Test
        void refused_for_its_settings_leaves_no_file() {
            SaveStreamSourceCommand settings = SaveStreamSourceCommand.m3u("Sofa", UploadPlaylistCommand.STORED_FILE)
                    .withSchedule("not cron");

            assertThatThrownBy(() -> uploads.upload(new UploadPlaylistCommand(null, settings, text(FIRST))))
                    .hasMessageStartingWith("schedule:");
            assertThat(store.files()).isEmpty();
            assertThat(sources.list()).isEmpty();
        }

        @Test
        void of_kind_xtream_is_refused_before_the_file_is_read() {
            SaveStreamSourceCommand xtream = SaveStreamSourceCommand.xtream("X", "http://x.test", "u", "p");

            assertThatThrownBy(() -> uploads.upload(new UploadPlaylistCommand(null, xtream, text(FIRST))))
                    .isInstanceOf(ValidationException.class)
                    .hasMessage("kind: an uploaded playlist is read by an m3u source, not xtream");
            assertThat(store.files()).isEmpty();
        }

        @Test
        void with_a_file_that_is_not_a_playlist_creates_nothing() {
            assertThatThrownBy(() -> uploads.upload(UploadPlaylistCommand.newSource("Sofa", text("<html>"))))
                    .hasMessageStartingWith("file: not an M3U playlist");
            assertThat(sources.list()).isEmpty();
        }

        @Test
        void needs_settings() {
            assertThatThrownBy(() -> new UploadPlaylistCommand(null, null, text(FIRST)))
                    .hasMessage("name: required for a new source");
        }
    }

    @Nested
    class Existing_source {
        @Test
        void reads_the_new_file_and_the_old_one_is_deleted() {
            StreamSource first = uploads.upload(UploadPlaylistCommand.newSource("Sofa", text(FIRST)));

            StreamSource replaced = uploads.upload(UploadPlaylistCommand.replace(first.id(), text(SECOND)));

            assertThat(replaced.id()).isEqualTo(first.id());
            assertThat(replaced.url()).isNotEqualTo(first.url());
            assertThat(store.files()).containsOnlyKeys(replaced.url());
            assertThat(new String(store.files().get(replaced.url()), StandardCharsets.UTF_8))
                    .isEqualTo(SECOND);
        }

        @Test
        void keeps_the_old_file_when_the_new_one_is_refused() {
            StreamSource first = uploads.upload(UploadPlaylistCommand.newSource("Sofa", text(FIRST)));

            assertThatThrownBy(() -> uploads.upload(UploadPlaylistCommand.replace(first.id(), text(""))))
                    .hasMessage("file: the upload is empty");
            assertThat(sources.get(first.id()).url()).isEqualTo(first.url());
            assertThat(store.files()).containsOnlyKeys(first.url());
        }

        @Test
        void keeps_its_settings_when_none_are_given() {
            StreamSource first = sources.create(SaveStreamSourceCommand.m3u("Sofa", "http://example.test/list.m3u")
                    .withSchedule("@hourly"));

            StreamSource replaced = uploads.upload(UploadPlaylistCommand.replace(first.id(), text(FIRST)));

            assertThat(replaced.name()).isEqualTo("Sofa");
            assertThat(replaced.schedule()).isEqualTo("@hourly");
            assertThat(store.files()).containsOnlyKeys(replaced.url());
        }

        @Test
        void that_does_not_exist_is_not_found_and_nothing_is_kept() {
            assertThatThrownBy(() -> uploads.upload(UploadPlaylistCommand.replace(SourceId.random(), text(FIRST))))
                    .isInstanceOf(NotFoundException.class);
            assertThat(store.files()).isEmpty();
        }

        @Test
        void pointed_at_a_url_deletes_its_uploaded_file() {
            StreamSource first = uploads.upload(UploadPlaylistCommand.newSource("Sofa", text(FIRST)));

            sources.update(first.id(), SaveStreamSourceCommand.m3u("Sofa", "http://example.test/list.m3u"));

            assertThat(store.files()).isEmpty();
        }
    }

    @Nested
    class Deleting_the_source {
        @Test
        void deletes_its_file() {
            StreamSource source = uploads.upload(UploadPlaylistCommand.newSource("Sofa", text(FIRST)));

            sources.delete(source.id());

            assertThat(store.files()).isEmpty();
        }

        @Test
        void keeps_a_file_another_source_was_pointed_at() {
            StreamSource source = uploads.upload(UploadPlaylistCommand.newSource("Sofa", text(FIRST)));
            URI file = source.url();
            sources.create(SaveStreamSourceCommand.m3u("Copy", file.toString()));

            sources.delete(source.id());

            assertThat(store.files()).containsOnlyKeys(file);
        }
    }

    /** Every schedule but "not cron" is valid; none is ever due. */
    private static final class AnyCron implements CronSchedules {
        @Override
        public void validate(String field, String expression) {
            if (expression.equals("not cron")) {
                throw new ValidationException(field + ": '" + expression + "' is not a cron expression");
            }
        }

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
