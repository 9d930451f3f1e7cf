package io.tvarr.http.web;

import io.javalin.http.Context;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.relay.AudioCodec;
import io.tvarr.domain.relay.HardwareAcceleration;
import io.tvarr.domain.relay.RelayProfile;
import io.tvarr.domain.relay.RelayProfileId;
import io.tvarr.domain.relay.VideoCodec;
import io.tvarr.http.EnumParam;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the relay profile form holds, as typed. Field names are the domain's ({@code video_bitrate_kbps: …}), so a
 * refusal lands next to its field; extra FFmpeg arguments are written space-separated, one argument per word.
 */
public record RelayProfileForm(
        String name,
        String videoCodec,
        String audioCodec,
        String videoBitrateKbps,
        String audioBitrateKbps,
        String maxHeight,
        String hwaccel,
        String extraInputArgs,
        String extraOutputArgs,
        boolean smart) {
    static final Set<String> FIELDS = Set.of(
            "name",
            "video_codec",
            "audio_codec",
            "video_bitrate_kbps",
            "audio_bitrate_kbps",
            "max_height",
            "hwaccel",
            "extra_input_args",
            "extra_output_args");

    static RelayProfileForm empty() {
        return new RelayProfileForm("", "copy", "copy", "0", "0", "0", "none", "", "", false);
    }

    static RelayProfileForm of(RelayProfile p) {
        return new RelayProfileForm(
                p.name(),
                Shown.wire(p.videoCodec()),
                Shown.wire(p.audioCodec()),
                Integer.toString(p.videoBitrateKbps()),
                Integer.toString(p.audioBitrateKbps()),
                Integer.toString(p.maxHeight()),
                Shown.wire(p.hardwareAcceleration()),
                String.join(" ", p.extraInputArgs()),
                String.join(" ", p.extraOutputArgs()),
                p.smart());
    }

    static RelayProfileForm read(Context ctx) {
        return new RelayProfileForm(
                field(ctx, "name"),
                field(ctx, "video_codec"),
                field(ctx, "audio_codec"),
                field(ctx, "video_bitrate_kbps"),
                field(ctx, "audio_bitrate_kbps"),
                field(ctx, "max_height"),
                field(ctx, "hwaccel"),
                field(ctx, "extra_input_args"),
                field(ctx, "extra_output_args"),
                ctx.formParam("smart") != null);
    }

    /** The profile the form describes; refusals name their field. */
    RelayProfile toProfile(RelayProfileId id) {
        return new RelayProfile(
                id,
                name,
                EnumParam.parse(VideoCodec.class, videoCodec, "video_codec"),
                EnumParam.parse(AudioCodec.class, audioCodec, "audio_codec"),
                number(videoBitrateKbps, "video_bitrate_kbps"),
                number(audioBitrateKbps, "audio_bitrate_kbps"),
                number(maxHeight, "max_height"),
                EnumParam.parse(HardwareAcceleration.class, hwaccel, "hwaccel"),
                words(extraInputArgs),
                words(extraOutputArgs),
                smart);
    }

    public List<String> videoCodecs() {
        return Arrays.stream(VideoCodec.values()).map(Shown::wire).toList();
    }

    public List<String> audioCodecs() {
        return Arrays.stream(AudioCodec.values()).map(Shown::wire).toList();
    }

    public List<String> accelerations() {
        return Arrays.stream(HardwareAcceleration.values()).map(Shown::wire).toList();
    }

    private static int number(String value, String field) {
        String text = value.trim();
        if (text.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new ValidationException(field + ": '" + value + "' (expected: a whole number)");
        }
    }

    private static List<String> words(String value) {
        return value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
    }

    private static String field(Context ctx, String name) {
        @Nullable String value = ctx.formParam(name);
        return value == null ? "" : value;
    }
}
