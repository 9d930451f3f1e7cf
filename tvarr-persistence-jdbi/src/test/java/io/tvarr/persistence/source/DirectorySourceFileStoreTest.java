package io.tvarr.persistence.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectorySourceFileStoreTest {
    @TempDir
    Path dir;

    private DirectorySourceFileStore store() {
        return new DirectorySourceFileStore(dir.resolve("uploads"));
    }

    @Nested
    class Store {
        @Test
        void writes_the_whole_upload_under_a_new_name_with_the_suffix() throws IOException {
            URI url = store().store(".xml.gz", text("<tv/>"));

            Path file = Path.of(url);
            assertThat(file.getParent()).isEqualTo(dir.resolve("uploads"));
            assertThat(file.getFileName().toString()).endsWith(".xml.gz");
            assertThat(Files.readString(file)).isEqualTo("<tv/>");
        }

        @Test
        void gives_each_upload_a_file_of_its_own() {
            assertThat(store().store(".m3u", text("a"))).isNotEqualTo(store().store(".m3u", text("b")));
        }

        @Test
        void leaves_nothing_when_reading_the_upload_fails() throws IOException {
            InputStream failing = new InputStream() {
                private int left = 100_000;

                @Override
                public int read() {
                    if (left-- == 0) {
                        throw new ValidationException("file: larger than the upload limit of 1 GiB");
                    }
                    return 'x';
                }
            };

            assertThatThrownBy(() -> store().store(".m3u", failing))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageStartingWith("file: larger than");
            try (Stream<Path> left = Files.list(dir.resolve("uploads"))) {
                assertThat(left).isEmpty();
            }
        }

        @Test
        void refuses_a_suffix_that_could_leave_the_directory() {
            assertThatThrownBy(() -> store().store("/../x", text("a"))).isInstanceOf(ValidationException.class);
        }
    }

    @Nested
    class Delete {
        @Test
        void removes_a_file_it_made() {
            DirectorySourceFileStore store = store();
            URI url = store.store(".m3u", text("#EXTM3U"));

            assertThat(store.delete(url)).isTrue();
            assertThat(Files.exists(Path.of(url))).isFalse();
        }

        @Test
        void leaves_other_files_and_urls_alone() throws IOException {
            Path other = Files.writeString(dir.resolve("mine.m3u"), "#EXTM3U");
            Path planted = Files.writeString(
                    Files.createDirectories(dir.resolve("uploads")).resolve("notes.m3u"), "#EXTM3U");

            assertThat(store().delete(other.toUri())).isFalse();
            assertThat(store().delete(planted.toUri())).isFalse();
            assertThat(store().delete(URI.create("http://example.test/list.m3u")))
                    .isFalse();
            assertThat(store().delete(URI.create("file:/uploaded"))).isFalse();
            assertThat(other).exists();
            assertThat(planted).exists();
        }
    }

    private static InputStream text(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
