package io.tvarr.relay.ffmpeg;

import io.tvarr.domain.ValidationException;
import io.tvarr.domain.relay.AudioCodec;
import io.tvarr.domain.relay.HardwareAcceleration;
import io.tvarr.domain.relay.RelayProfile;
import io.tvarr.domain.relay.StreamPlan;
import io.tvarr.domain.relay.VideoCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Builds FFmpeg's argument list for relaying a channel with a profile: read the upstream with the provider's
 * headers, copy or encode video and audio, write MPEG-TS to stdout. Extra arguments are accepted only from an
 * allow-list of options (each followed by one value), so a profile can tune FFmpeg but never run anything else.
 */
public final class RelayArguments {
    /** Input options a profile may add. */
    public static final Set<String> INPUT_OPTIONS = Set.of(
            "-analyzeduration", "-probesize", "-fflags", "-thread_queue_size", "-rtbufsize", "-reconnect_delay_max");
    /** Output options a profile may add. */
    public static final Set<String> OUTPUT_OPTIONS = Set.of(
            "-preset", "-tune", "-profile:v", "-level", "-g", "-maxrate", "-bufsize", "-ac", "-ar", "-pix_fmt", "-crf");

    private RelayArguments() {}

    /** Checks a profile's extra arguments; the message names the first one refused. */
    public static void validate(RelayProfile profile) {
        check(profile.extraInputArgs(), INPUT_OPTIONS, "extra_input_args");
        check(profile.extraOutputArgs(), OUTPUT_OPTIONS, "extra_output_args");
    }

    /**
     * @param hardware the verified hardware family to encode with, or NONE for software
     */
    public static List<String> build(StreamPlan plan, RelayProfile profile, HardwareAcceleration hardware) {
        validate(profile);
        List<String> args = new ArrayList<>(List.of("-hide_banner", "-nostdin", "-loglevel", "error"));
        if (hardware == HardwareAcceleration.VAAPI) {
            args.addAll(List.of("-vaapi_device", "/dev/dri/renderD128"));
        }
        args.addAll(List.of("-reconnect", "1", "-reconnect_streamed", "1"));
        args.addAll(InputHeaders.arguments(plan.headers()));
        args.addAll(profile.extraInputArgs());
        args.addAll(List.of("-i", plan.upstreamUrl()));
        args.addAll(List.of("-map", "0:v:0?", "-map", "0:a:0?"));
        args.addAll(video(profile, hardware));
        args.addAll(audio(profile));
        args.addAll(profile.extraOutputArgs());
        args.addAll(List.of("-f", "mpegts", "pipe:1"));
        return args;
    }

    private static List<String> video(RelayProfile profile, HardwareAcceleration hardware) {
        if (profile.videoCodec() == VideoCodec.COPY) {
            return List.of("-c:v", "copy");
        }
        List<String> args = new ArrayList<>();
        if (profile.maxHeight() > 0) {
            String scale = "scale=-2:'min(" + profile.maxHeight() + ",ih)'";
            args.addAll(
                    List.of("-vf", hardware == HardwareAcceleration.VAAPI ? scale + ",format=nv12,hwupload" : scale));
        } else if (hardware == HardwareAcceleration.VAAPI) {
            args.addAll(List.of("-vf", "format=nv12,hwupload"));
        }
        args.addAll(List.of("-c:v", encoder(profile.videoCodec(), hardware)));
        if (profile.videoBitrateKbps() > 0) {
            args.addAll(List.of("-b:v", profile.videoBitrateKbps() + "k"));
        }
        if (hardware == HardwareAcceleration.NONE && profile.videoCodec() == VideoCodec.H264) {
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
            case COPY -> "copy";
            case AAC -> "aac";
            case AC3 -> "ac3";
            case OPUS -> "libopus";
        };
        args.addAll(List.of("-c:a", codec));
        if (profile.audioCodec() != AudioCodec.COPY && profile.audioBitrateKbps() > 0) {
            args.addAll(List.of("-b:a", profile.audioBitrateKbps() + "k"));
        }
        return args;
    }

    private static void check(List<String> args, Set<String> allowed, String field) {
        if (args.size() % 2 != 0) {
            throw new ValidationException(field + ": expected option/value pairs, got " + args.size() + " items");
        }
        for (int i = 0; i < args.size(); i += 2) {
            String option = args.get(i);
            String value = args.get(i + 1);
            if (!allowed.contains(option)) {
                throw new ValidationException(field + ": '" + option + "' is not allowed (allowed: "
                        + new java.util.TreeSet<>(allowed) + ")");
            }
            if (value.startsWith("-") && !value.matches("-?\\d+(\\.\\d+)?") || value.contains("\n")) {
                throw new ValidationException(field + ": value '" + value + "' of " + option + " is not allowed");
            }
        }
    }
}
