package io.tvarr.domain.relay.port.out;

import io.tvarr.domain.relay.FFmpegInstallation;
import io.tvarr.domain.relay.MediaInfo;
import io.tvarr.domain.relay.TranscodeProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The FFmpeg and ffprobe executables. Arguments are always a list; nothing goes through a shell. */
public interface FFmpeg {
    FFmpegInstallation installation();

    /** Starts ffmpeg with the given arguments (without the executable). The caller closes the result. */
    TranscodeProcess start(List<String> arguments);

    /** Probes a stream with ffprobe, giving up after {@code timeout}. */
    MediaInfo probe(String url, Map<String, String> headers, Duration timeout);
}
