package io.tvarr.relay.ffmpeg;

import io.tvarr.domain.relay.AudioCodec;
import io.tvarr.domain.relay.HardwareAcceleration;
import io.tvarr.domain.relay.MediaInfo;
import io.tvarr.domain.relay.PlayableCodecs;
import io.tvarr.domain.relay.RelayProfile;
import io.tvarr.domain.relay.StreamPlan;
import io.tvarr.domain.relay.VideoCodec;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Builds FFmpeg's argument list for relaying a channel with a profile: read the upstream with the provider's
 * headers, copy or encode video and audio, write MPEG-TS to stdout. A profile's extra arguments were checked
 * against {@link io.tvarr.domain.relay.ArgumentAllowList} when it was made.
 */
public final class RelayArguments {
    private RelayArguments() {}

    /**
     * @param hardware the verified hardware family to encode with, or NONE for software
     */
    public static List<String> build(StreamPlan plan, RelayProfile profile, HardwareAcceleration hardware) {
        return build(plan, profile, hardware, null);
    }

    /**
     * @param probed what the channel carries, for smart profiles: streams the plan's player takes as they are are
     *     copied
     */
    public static List<String> build(
            StreamPlan plan, RelayProfile profile, HardwareAcceleration hardware, @Nullable MediaInfo probed) {
        List<String> args = new ArrayList<>(List.of("-hide_banner", "-nostdin", "-loglevel", "error"));
        if (hardware == HardwareAcceleration.VAAPI) {
            args.addAll(List.of("-vaapi_device", "/dev/dri/renderD128"));
        }
        args.addAll(List.of("-reconnect", "1", "-reconnect_streamed", "1"));
        args.addAll(InputHeaders.arguments(plan.headers()));
        args.addAll(profile.extraInputArgs());
        args.addAll(List.of("-i", plan.upstreamUrl()));
        args.addAll(List.of("-map", "0:v:0?", "-map", "0:a:0?"));
        args.addAll(copiesVideo(profile, probed, plan.playable()) ? List.of("-c:v", "copy") : video(profile, hardware));
        args.addAll(copiesAudio(profile, probed, plan.playable()) ? List.of("-c:a", "copy") : audio(profile));
        args.addAll(profile.extraOutputArgs());
        args.addAll(List.of("-f", "mpegts", "pipe:1"));
        return args;
    }

    /** Video the player takes as it is (players: H.264 or HEVC; tuners: H.264) within the profile's height limit. */
    static boolean copiesVideo(RelayProfile profile, @Nullable MediaInfo probed, PlayableCodecs playable) {
        if (!profile.smart()) {
            return profile.videoCodec() == VideoCodec.COPY;
        }
        return probed != null
                && playable.takesVideo(probed.videoCodec())
                && (profile.maxHeight() == 0 || probed.height() <= profile.maxHeight());
    }

    /** Audio the player takes as it is (players: AAC, AC-3, MP2 or MP3; tuners: AAC). */
    static boolean copiesAudio(RelayProfile profile, @Nullable MediaInfo probed, PlayableCodecs playable) {
        if (!profile.smart()) {
            return profile.audioCodec() == AudioCodec.COPY;
        }
        return probed != null && probed.audioCodec() != null && playable.takesAudio(probed.audioCodec());
    }

    private static List<String> video(RelayProfile profile, HardwareAcceleration hardware) {
        List<String> args = new ArrayList<>();
        if (profile.maxHeight() > 0) {
            String scale = "scale=-2:'min(" + profile.maxHeight() + ",ih)'";
            args.addAll(
                    List.of("-vf", hardware == HardwareAcceleration.VAAPI ? scale + ",format=nv12,hwupload" : scale));
        } else if (hardware == HardwareAcceleration.VAAPI) {
            args.addAll(List.of("-vf", "format=nv12,hwupload"));
        }
        VideoCodec codec = profile.videoCodec() == VideoCodec.COPY ? VideoCodec.H264 : profile.videoCodec();
        args.addAll(List.of("-c:v", encoder(codec, hardware)));
        if (profile.videoBitrateKbps() > 0) {
            args.addAll(List.of("-b:v", profile.videoBitrateKbps() + "k"));
        }
        if (hardware == HardwareAcceleration.NONE && codec == VideoCodec.H264) {
            args.addAll(List.of("-preset", "veryfast"));
        }
        return args;
    }

    /** The FFmpeg encoder for a codec on a hardware family. */
    public static String encoder(VideoCodec codec, HardwareAcceleration hardware) {
        String base = switch (codec) {
            case H264 -> "h264";
            case HEVC -> "hevc";
            case AV1 -> "av1";
            case COPY -> "copy";
        };
        return switch (hardware) {
            case VAAPI -> base + "_vaapi";
            case QSV -> base + "_qsv";
            case NVENC -> base + "_nvenc";
            case NONE, AUTO ->
                switch (codec) {
                    case H264 -> "libx264";
                    case HEVC -> "libx265";
                    case AV1 -> "libsvtav1";
                    case COPY -> "copy";
                };
        };
    }

    private static List<String> audio(RelayProfile profile) {
        List<String> args = new ArrayList<>();
        String codec = switch (profile.audioCodec()) {
            // a smart profile that must encode audio and names no codec gets AAC
            case COPY -> "aac";
            case AAC -> "aac";
            case AC3 -> "ac3";
            case OPUS -> "libopus";
        };
        args.addAll(List.of("-c:a", codec));
        if (profile.audioBitrateKbps() > 0) {
            args.addAll(List.of("-b:a", profile.audioBitrateKbps() + "k"));
        }
        return args;
    }
}
