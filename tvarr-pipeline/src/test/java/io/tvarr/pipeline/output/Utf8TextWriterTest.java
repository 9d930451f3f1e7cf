package io.tvarr.pipeline.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8TextWriterTest {
    private static final String TEXT = "Das Erste HD — 東京 📺 Ñoticias\n";

    @Test
    void writes_the_bytes_an_output_stream_writer_writes() throws IOException {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (Writer reference = new OutputStreamWriter(expected, StandardCharsets.UTF_8)) {
            reference.append(new StringBuilder(TEXT)).write(TEXT, 4, 9);
            reference.write(TEXT.toCharArray(), 2, 20);
        }
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        Writer writer = new Utf8TextWriter(written, 16);
        writer.append(new StringBuilder(TEXT)).write(TEXT, 4, 9);
        writer.write(TEXT.toCharArray(), 2, 20);
        writer.flush();

        assertThat(written.toByteArray()).isEqualTo(expected.toByteArray());
    }

    @Test
    void a_surrogate_pair_written_one_char_at_a_time_stays_one_character() throws IOException {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        Writer writer = new Utf8TextWriter(written, 64);
        String emoji = "📺";
        writer.write(emoji.charAt(0));
        writer.write(emoji.charAt(1));
        writer.flush();

        assertThat(written.toString(StandardCharsets.UTF_8)).isEqualTo(emoji);
    }

    @Test
    void closing_flushes_and_leaves_the_stream_to_its_owner() throws IOException {
        ClosingStream out = new ClosingStream();
        Writer writer = new Utf8TextWriter(out, 64);
        writer.write("x");
        writer.close();

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("x");
        assertThat(out.closed).isFalse();
    }

    private static final class ClosingStream extends ByteArrayOutputStream {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }
}
