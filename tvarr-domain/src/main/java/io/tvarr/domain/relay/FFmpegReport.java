package io.tvarr.domain.relay;

import java.util.Set;

/**
 * The FFmpeg that transcode delivery uses, with the hardware encoders that passed a test encode.
 *
 * @param verifiedHardware the encoder families that passed a test encode here
 */
public record FFmpegReport(FFmpegInstallation installation, Set<HardwareAcceleration> verifiedHardware) {
    public FFmpegReport {
        verifiedHardware = Set.copyOf(verifiedHardware);
    }
}
