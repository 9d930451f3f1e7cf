package io.tvarr.domain.relay.service;

import io.tvarr.domain.relay.FFmpegInstallation;
import io.tvarr.domain.relay.FFmpegReport;
import io.tvarr.domain.relay.port.in.InspectFFmpegUseCase;
import io.tvarr.domain.relay.port.out.FFmpeg;
import io.tvarr.domain.relay.port.out.HardwareAccelerationDetector;

/** Reports the FFmpeg installation together with the hardware encoders verified on it. */
public final class FFmpegInspectionService implements InspectFFmpegUseCase {
    private final FFmpeg ffmpeg;
    private final HardwareAccelerationDetector hardware;

    public FFmpegInspectionService(FFmpeg ffmpeg, HardwareAccelerationDetector hardware) {
        this.ffmpeg = ffmpeg;
        this.hardware = hardware;
    }

    @Override
    public FFmpegReport inspect() {
        // the installation first: without FFmpeg it refuses with the reason, before any test encode is tried
        FFmpegInstallation installation = ffmpeg.installation();
        return new FFmpegReport(installation, hardware.available());
    }
}
