package io.tvarr.domain.relay;

import java.nio.file.Path;
import java.util.List;

/** The FFmpeg tvarr uses: where it came from, its version and what it can do. */
public record FFmpegInstallation(
        Path ffmpeg, Path ffprobe, String origin, String version, List<String> encoders, List<String> hwaccels) {
    public FFmpegInstallation {
        encoders = List.copyOf(encoders);
        hwaccels = List.copyOf(hwaccels);
    }
}
