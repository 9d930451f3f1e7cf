package io.tvarr.domain.relay;

import io.tvarr.domain.Checks;
import java.util.List;

/**
 * How FFmpeg relays a channel.
 *
 * @param videoBitrateKbps 0 lets the encoder choose
 * @param maxHeight 0 keeps the source resolution
 * @param extraInputArgs arguments from the relay allow-list, passed as a list, never through a shell
 * @param smart probe the channel first and copy the video and audio players take as they are (H.264/HEVC
 *     within the height limit; AAC, AC-3, MP2, MP3), encoding only the rest with this profile's codecs
 */
public record RelayProfile(
        RelayProfileId id,
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
    public RelayProfile {
        Checks.requireNonNull(id, "id");
        name = Checks.requireText(name, "name");
        Checks.requireNonNull(videoCodec, "video_codec");
        Checks.requireNonNull(audioCodec, "audio_codec");
        Checks.requireRange(videoBitrateKbps, 0, 200_000, "video_bitrate_kbps");
        Checks.requireRange(audioBitrateKbps, 0, 1_536, "audio_bitrate_kbps");
        Checks.requireRange(maxHeight, 0, 4320, "max_height");
        Checks.requireNonNull(hardwareAcceleration, "hwaccel");
        extraInputArgs = List.copyOf(extraInputArgs);
        extraOutputArgs = List.copyOf(extraOutputArgs);
        ArgumentAllowList.check(
                extraInputArgs, ArgumentAllowList.INPUT, ArgumentAllowList.INPUT_FLAGS, "extra_input_args");
        ArgumentAllowList.check(extraOutputArgs, ArgumentAllowList.OUTPUT, java.util.Set.of(), "extra_output_args");
    }
}
