package io.tvarr.pipeline.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
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

    @Test
    void a_new_file_is_readable_by_others_and_a_replaced_one_keeps_its_permissions() throws IOException {
        Assumptions.assumeTrue(
                Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null, "needs POSIX permissions");
        Path fresh = dir.resolve("epg.xml");
        Path kept = dir.resolve("playlist.m3u");
        Files.writeString(kept, "old");
        Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rw-r-----"));

        publisher.publish(fresh, out -> write(out, "<tv/>"));
        publisher.publish(kept, out -> write(out, "new"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)))
                .isEqualTo("rw-r--r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)))
                .isEqualTo("rw-r-----");
        assertThat(kept).hasContent("new");
    }

    private static void write(java.io.OutputStream out, String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
