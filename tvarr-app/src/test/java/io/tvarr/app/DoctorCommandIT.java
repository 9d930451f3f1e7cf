package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DoctorCommandIT {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();

    private int run(String... args) {
        CommandLine line = TvarrCommand.commandLine();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(new StringWriter(), true));
        return line.execute(args);
    }

    @Test
    void reports_the_ffmpeg_in_use_or_why_there_is_none() {
        int exit = run("doctor", "--data-dir", dir.toString());

        if (exit == 0) {
            assertThat(out.toString()).contains("ffmpeg:", "version:  ffmpeg version", "hardware encoders verified");
            // audio encoders whose names happen to contain a video codec's (wmav1) are not video encoders
            assertThat(out.toString()).doesNotContain("wmav1");
        } else {
            assertThat(exit).isEqualTo(2);
            assertThat(out.toString()).contains("not usable", "install FFmpeg");
        }
    }

    @Test
    void a_configured_path_that_does_not_exist_is_named() throws IOException {
        Path config = Files.writeString(dir.resolve("tvarr.yaml"), "relay:\n  ffmpeg_path: /nowhere/ffmpeg\n");

        int exit = run("doctor", "--config", config.toString(), "--data-dir", dir.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString()).contains("/nowhere/ffmpeg");
    }
}
