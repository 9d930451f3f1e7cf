package io.tvarr.pipeline.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicPublisherTest {
    @TempDir
    Path dir;

    private final AtomicPublisher publisher = new AtomicPublisher();

    @Test
    void publishes_the_complete_file() throws IOException {
        Path target = dir.resolve("out/playlist.m3u");

        publisher.publish(target, out -> write(out, "#EXTM3U\n"));

        assertThat(target).hasContent("#EXTM3U");
    }

    @Test
    void a_failed_run_leaves_the_previous_file_and_no_leftovers() throws IOException {
        Path target = dir.resolve("playlist.m3u");
        publisher.publish(target, out -> write(out, "old"));

        assertThatThrownBy(() -> publisher.publish(target, out -> {
                    write(out, "half of the new");
                    throw new IllegalStateException("generation failed midway");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(target).hasContent("old");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    private static void write(java.io.OutputStream out, String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
