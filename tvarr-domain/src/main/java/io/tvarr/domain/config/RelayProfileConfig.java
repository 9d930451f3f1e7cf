package io.tvarr.domain.config;

import io.tvarr.domain.Checks;
import io.tvarr.domain.relay.AudioCodec;
import io.tvarr.domain.relay.HardwareAcceleration;
import io.tvarr.domain.relay.VideoCodec;
import java.util.List;

/** A relay profile by name. */
public record RelayProfileConfig(
        String name,
        VideoCodec videoCodec,
        AudioCodec audioCodec,
        int videoBitrateKbps,
        int audioBitrateKbps,
        int maxHeight,
        HardwareAcceleration hardwareAcceleration,
        List<String> extraInputArgs,
        List<String> extraOutputArgs,
        boolean smart) {
    public RelayProfileConfig {
        name = Checks.requireText(name, "name");
        Checks.requireNonNull(videoCodec, "video_codec");
        Checks.requireNonNull(audioCodec, "audio_codec");
        Checks.requireNonNull(hardwareAcceleration, "hwaccel");
        extraInputArgs = List.copyOf(extraInputArgs);
        extraOutputArgs = List.copyOf(extraOutputArgs);
    }
}
