package io.tvarr.ingest.m3u;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Lines are found in the bytes and decoded whole: the edges of the read buffer and of UTF-8 must not show. */
class TextInputTest {
    private static List<String> lines(byte[] body, M3uLimits limits, int chunk) throws IOException {
        List<String> lines = new ArrayList<>();
        try (TextInput text = new TextInput(new Trickle(body, chunk), limits)) {
            for (String line = text.next(); line != null; line = text.next()) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Nested
    class Reads_split_anywhere {
        @Test
        void a_crlf_split_between_two_reads_is_one_line_end() throws IOException {
            for (int chunk = 1; chunk <= 7; chunk++) {
                assertThat(lines(utf8("ab\r\ncd\r\n\r\nef"), M3uLimits.DEFAULT, chunk))
                        .as("read %d bytes at a time", chunk)
                        .containsExactly("ab", "cd", "", "ef");
            }
        }

        @Test
        void a_multibyte_character_split_between_two_reads_is_decoded_whole() throws IOException {
            String text = "Cinéma 日本 \uD83D\uDCFA\nZürich";
            for (int chunk = 1; chunk <= 5; chunk++) {
                assertThat(lines(utf8(text), M3uLimits.DEFAULT, chunk))
                        .containsExactly("Cinéma 日本 \uD83D\uDCFA", "Zürich");
            }
        }

        @Test
        void a_line_longer_than_the_read_buffer_but_within_the_limit_is_kept_whole() throws IOException {
            String longLine = "x".repeat(200_000);

            assertThat(lines(utf8("a\n" + longLine + "\nb\n"), new M3uLimits(300_000, 1 << 20), 8192))
                    .containsExactly("a", longLine, "b");
        }

        @Test
        void bad_utf8_becomes_replacement_characters_and_the_bom_is_dropped() throws IOException {
            byte[] body = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', (byte) 0xC3, '\n', 'b'};

            assertThat(lines(body, M3uLimits.DEFAULT, 3)).containsExactly("a\uFFFD", "b");
        }
    }

    @Nested
    class Limits_count_characters_not_bytes {
        @Test
        void a_line_of_multibyte_characters_within_the_limit_passes() throws IOException {
            String line = "日".repeat(100); // 300 bytes, 100 characters

            assertThat(lines(utf8(line + "\n"), new M3uLimits(100, 10_000), 16)).containsExactly(line);
        }

        @Test
        void a_line_without_end_is_refused_once_it_cannot_fit_the_limit_naming_its_number() {
            byte[] body = utf8("#EXTM3U\n" + "y".repeat(1_000_000));

            assertThatThrownBy(() -> lines(body, new M3uLimits(100, 10_000_000), 4096))
                    .isInstanceOf(M3uParseException.class)
                    .hasMessage("line 2: longer than 100 characters");
        }

        @Test
        void the_body_limit_counts_line_ends_too() {
            assertThatThrownBy(() -> lines(utf8("a\r\n".repeat(40)), new M3uLimits(100, 100), 64))
                    .isInstanceOf(M3uParseException.class)
                    .hasMessageContaining("larger than the limit of 100 characters");
        }
    }

    /** Hands out at most {@code chunk} bytes per read, as a slow network does. */
    private static final class Trickle extends InputStream {
        private final ByteArrayInputStream in;
        private final int chunk;

        Trickle(byte[] body, int chunk) {
            this.in = new ByteArrayInputStream(body);
            this.chunk = chunk;
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return in.read(b, off, Math.min(len, chunk));
        }
    }
}
