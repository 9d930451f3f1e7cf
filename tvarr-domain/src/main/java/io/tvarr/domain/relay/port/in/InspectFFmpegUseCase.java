package io.tvarr.domain.relay.port.in;

import io.tvarr.domain.relay.FFmpegReport;

/** Says which FFmpeg transcode delivery would use and what it can do here. */
public interface InspectFFmpegUseCase {
    /**
     * The binary, its version, encoders and hwaccels, and the hardware encoders that really work. May run FFmpeg
     * (test encodes), so it can take seconds the first time.
     *
     * @throws io.tvarr.domain.UnavailableException when no FFmpeg is found
     */
    FFmpegReport inspect();
}
