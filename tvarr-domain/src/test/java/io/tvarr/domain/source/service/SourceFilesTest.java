package io.tvarr.domain.source.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.ValidationException;
import io.tvarr.domain.source.SourceFileKind;
import io.tvarr.domain.source.UploadLimit;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SourceFilesTest {
    private static final String PLAYLIST = "#EXTM3U\n#EXTINF:-1 tvg-id=\"one\",One\nhttp://example.test/1.ts\n";
    private static final String GUIDE =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE tv SYSTEM \"xmltv.dtd\">\n"
                    + "<tv generator-info-name=\"test\"><channel id=\"one\"><display-name>One</display-name></channel></tv>\n";

    private final InMemorySourceFileStore store = new InMemorySourceFileStore();
    private final SourceFiles files = new SourceFiles(store, 1024);

    @Nested
    class Playlists {
        @Test
        void keeps_a_playlist_whole_under_an_m3u_name() {
            URI url = files.store(SourceFileKind.PLAYLIST, text(PLAYLIST));

            assertThat(url.toString()).endsWith(".m3u");
            assertThat(store.files().get(url)).isEqualTo(PLAYLIST.getBytes(StandardCharsets.UTF_8));
        }

        @Test
        void keeps_a_playlist_with_a_byte_order_mark_and_blank_lines_first() {
            URI url = files.store(SourceFileKind.PLAYLIST, text("\uFEFF\n\n" + PLAYLIST));

            assertThat(store.files()).containsKey(url);
        }

        @Test
        void keeps_a_gzipped_playlist_under_a_gz_name() throws IOException {
            URI url = files.store(SourceFileKind.PLAYLIST, new ByteArrayInputStream(gzip(PLAYLIST)));

            assertThat(url.toString()).endsWith(".m3u.gz");
        }

        @Test
        void refuses_a_web_page_naming_what_it_starts_with() {
            assertThatThrownBy(() -> files.store(SourceFileKind.PLAYLIST, text("<!DOCTYPE html>\n<html></html>")))
                    .isInstanceOf(ValidationException.class)
                    .hasMessage("file: not an M3U playlist (expected a first line of #EXTM3U, #EXTINF or a stream URL;"
                            + " it starts with '<!DOCTYPE html>')");
            assertThat(store.files()).isEmpty();
        }

        @Test
        void refuses_a_guide_given_as_a_playlist() {
            assertThatThrownBy(() -> files.store(SourceFileKind.PLAYLIST, text(GUIDE)))
                    .hasMessageStartingWith("file: not an M3U playlist");
        }
    }

    @Nested
    class Guides {
        @Test
        void keeps_a_guide_after_its_declaration_and_doctype() {
            URI url = files.store(SourceFileKind.GUIDE, text(GUIDE));

            assertThat(url.toString()).endsWith(".xml");
            assertThat(store.files().get(url)).isEqualTo(GUIDE.getBytes(StandardCharsets.UTF_8));
        }

        @Test
        void keeps_a_gzipped_guide_judged_by_what_it_expands_to() throws IOException {
            URI url = files.store(SourceFileKind.GUIDE, new ByteArrayInputStream(gzip(GUIDE)));

            assertThat(url.toString()).endsWith(".xml.gz");
        }

        @Test
        void refuses_a_gzipped_file_that_is_not_a_guide() throws IOException {
            assertThatThrownBy(() -> files.store(SourceFileKind.GUIDE, new ByteArrayInputStream(gzip(PLAYLIST))))
                    .hasMessage("file: not an XMLTV guide (expected an XML document with a <tv> root; it starts with"
                            + " '#EXTM3U')");
        }

        @Test
        void refuses_xml_of_another_kind() {
            assertThatThrownBy(() -> files.store(SourceFileKind.GUIDE, text("<?xml version=\"1.0\"?><rss></rss>")))
                    .hasMessageStartingWith("file: not an XMLTV guide");
        }

        @Test
        void refuses_binary_showing_its_control_characters_as_question_marks() {
            byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0};

            assertThatThrownBy(() -> files.store(SourceFileKind.GUIDE, new ByteArrayInputStream(png)))
                    .hasMessageContaining("it starts with '?PNG");
        }
    }

    @Nested
    class Limits {
        @Test
        void refuses_an_empty_upload() {
            assertThatThrownBy(() -> files.store(SourceFileKind.PLAYLIST, text("")))
                    .isInstanceOf(ValidationException.class)
                    .hasMessage("file: the upload is empty");
        }

        @Test
        void refuses_an_upload_over_the_limit_naming_the_limit_and_keeps_nothing() {
            String large = PLAYLIST + "#".repeat(1024);

            assertThatThrownBy(() -> files.store(SourceFileKind.PLAYLIST, text(large)))
                    .isInstanceOf(ValidationException.class)
                    .hasMessage("file: larger than the upload limit of 1024 bytes (sources.max_upload_bytes)");
            assertThat(store.files()).isEmpty();
        }

        @Test
        void keeps_an_upload_of_exactly_the_limit() {
            String exact = PLAYLIST + "#".repeat(1024 - PLAYLIST.length());

            assertThat(store.files()).isEmpty();
            URI url = files.store(SourceFileKind.PLAYLIST, text(exact));
            assertThat(store.files().get(url)).hasSize(1024);
        }

        @Test
        void names_a_limit_in_whole_gibibytes_as_such() {
            assertThat(UploadLimit.exceeded(SourceFiles.DEFAULT_MAX_BYTES))
                    .hasMessage("file: larger than the upload limit of 1 GiB (sources.max_upload_bytes)");
            assertThat(UploadLimit.exceeded(5L << 20)).hasMessageContaining("5 MiB");
        }

        @Test
        void refuses_a_limit_below_one_byte() {
            assertThatThrownBy(() -> new SourceFiles(store, 0))
                    .hasMessage("sources.max_upload_bytes: 0 (expected: 1 or more)");
        }
    }

    @Test
    void release_deletes_a_kept_file_and_leaves_other_urls_alone() {
        URI url = files.store(SourceFileKind.PLAYLIST, text(PLAYLIST));

        files.release(URI.create("http://example.test/list.m3u"));
        assertThat(store.files()).containsKey(url);
        files.release(url);
        assertThat(store.files()).isEmpty();
    }

    static InputStream text(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
