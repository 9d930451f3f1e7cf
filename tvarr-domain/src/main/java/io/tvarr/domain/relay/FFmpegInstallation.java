package io.tvarr.domain.relay;

import java.nio.file.Path;
import java.util.List;

/**
 * The FFmpeg tvarr uses: where it came from, its version and what it can do.
 *
 * @param encoders every encoder's name
 * @param videoEncoders the encoders of the video codecs a relay profile can ask for (H.264, HEVC, AV1), classed by
 *     the codec FFmpeg names for each, not by their names
 */
public record FFmpegInstallation(
        Path ffmpeg,
        Path ffprobe,
        String origin,
        String version,
        List<String> encoders,
        List<String> videoEncoders,
        List<String> hwaccels) {
    public FFmpegInstallation {
        encoders = List.copyOf(encoders);
        videoEncoders = List.copyOf(videoEncoders);
        hwaccels = List.copyOf(hwaccels);
    }
}
