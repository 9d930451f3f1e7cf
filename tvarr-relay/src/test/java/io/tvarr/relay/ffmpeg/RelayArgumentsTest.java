package io.tvarr.relay.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.ValidationException;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.relay.AudioCodec;
import io.tvarr.domain.relay.HardwareAcceleration;
import io.tvarr.domain.relay.MediaInfo;
import io.tvarr.domain.relay.PlayableCodecs;
import io.tvarr.domain.relay.RelayProfile;
import io.tvarr.domain.relay.RelayProfileId;
import io.tvarr.domain.relay.StreamPlan;
import io.tvarr.domain.relay.VideoCodec;
import io.tvarr.domain.source.SourceId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RelayArgumentsTest {
    private static RelayProfile profile(List<String> in, List<String> out) {
        return new RelayProfile(
                RelayProfileId.random(),
                "p",
                VideoCodec.H264,
                AudioCodec.AAC,
                3000,
                128,
                720,
                HardwareAcceleration.NONE,
                in,
                out,
                false);
    }

    private static StreamPlan plan(RelayProfile profile) {
        SourceId source = SourceId.random();
        return new StreamPlan(
                ChannelId.of(source, "k"),
                "One",
                source,
                "Provider",
                "http://up.example/1.ts",
                Map.of("User-Agent", "Provider/1", "Referer", "http://site.example/"),
                0,
                profile);
    }

    @Test
    void builds_a_list_with_headers_codecs_bitrates_and_scaling() {
        RelayProfile profile = profile(List.of("-re", "-analyzeduration", "2000000"), List.of("-g", "50"));

        List<String> args = RelayArguments.build(plan(profile), profile, HardwareAcceleration.NONE);

        assertThat(args).containsSubsequence("-user_agent", "Provider/1");
        assertThat(args).containsSubsequence("-headers", "Referer: http://site.example/\r\n");
        assertThat(args).containsSubsequence("-analyzeduration", "2000000", "-i", "http://up.example/1.ts");
        assertThat(args).containsSubsequence("-c:v", "libx264", "-b:v", "3000k");
        assertThat(args).containsSubsequence("-c:a", "aac", "-b:a", "128k", "-g", "50", "-f", "mpegts", "pipe:1");
        assertThat(String.join(" ", args)).contains("min(720,ih)");
    }

    @Test
    void a_smart_profile_copies_playable_streams_and_encodes_the_others() {
        RelayProfile smart = new RelayProfile(
                RelayProfileId.random(),
                "s",
                VideoCodec.COPY,
                AudioCodec.COPY,
                0,
                0,
                1080,
                HardwareAcceleration.NONE,
                List.of(),
                List.of(),
                true);

        List<String> playable = RelayArguments.build(
                plan(smart), smart, HardwareAcceleration.NONE, new MediaInfo("h264", "aac", 1920, 1080, 0));
        List<String> legacy = RelayArguments.build(
                plan(smart), smart, HardwareAcceleration.NONE, new MediaInfo("mpeg2video", "eac3", 720, 576, 0));
        List<String> tooTall = RelayArguments.build(
                plan(smart), smart, HardwareAcceleration.NONE, new MediaInfo("hevc", "ac3", 3840, 2160, 0));

        assertThat(playable).containsSubsequence("-c:v", "copy", "-c:a", "copy");
        assertThat(legacy).containsSubsequence("-c:v", "libx264").containsSubsequence("-c:a", "aac");
        assertThat(tooTall).containsSubsequence("-c:v", "libx264").containsSubsequence("-c:a", "copy");
    }

    @Test
    void for_a_tuner_a_smart_profile_copies_only_h264_and_aac() {
        RelayProfile smart = new RelayProfile(
                RelayProfileId.random(),
                "tuner",
                VideoCodec.H264,
                AudioCodec.AAC,
                0,
                0,
                0,
                HardwareAcceleration.NONE,
                List.of(),
                List.of(),
                true);
        StreamPlan tuner = withPlayable(plan(smart), PlayableCodecs.TUNER);

        List<String> playable = RelayArguments.build(
                tuner, smart, HardwareAcceleration.NONE, new MediaInfo("h264", "aac", 1920, 1080, 0));
        List<String> hevcMp2 = RelayArguments.build(
                tuner, smart, HardwareAcceleration.NONE, new MediaInfo("hevc", "mp2", 1920, 1080, 0));
        List<String> ac3 = RelayArguments.build(
                tuner, smart, HardwareAcceleration.NONE, new MediaInfo("h264", "ac3", 1920, 1080, 0));

        assertThat(playable).containsSubsequence("-c:v", "copy", "-c:a", "copy");
        assertThat(hevcMp2).containsSubsequence("-c:v", "libx264").containsSubsequence("-c:a", "aac");
        assertThat(ac3).containsSubsequence("-c:v", "copy", "-c:a", "aac");
        assertThat(tuner.sessionKey())
                .as("tuner and playlist players of one smart profile get different outputs")
                .isNotEqualTo(withPlayable(tuner, PlayableCodecs.PLAYERS).sessionKey());
    }

    private static StreamPlan withPlayable(StreamPlan plan, PlayableCodecs playable) {
        return new StreamPlan(
                plan.channel(),
                plan.channelName(),
                plan.source(),
                plan.sourceName(),
                plan.upstreamUrl(),
                plan.headers(),
                plan.sourceLimit(),
                plan.profile(),
                playable);
    }

    @Test
    void hardware_families_pick_their_encoders() {
        assertThat(RelayArguments.encoder(VideoCodec.HEVC, HardwareAcceleration.VAAPI))
                .isEqualTo("hevc_vaapi");
        assertThat(RelayArguments.encoder(VideoCodec.H264, HardwareAcceleration.NVENC))
                .isEqualTo("h264_nvenc");
        assertThat(RelayArguments.encoder(VideoCodec.H264, HardwareAcceleration.QSV))
                .isEqualTo("h264_qsv");
    }

    @Test
    void extra_arguments_outside_the_allow_list_are_refused_by_name() {
        assertThatThrownBy(() -> profile(List.of("-i", "/etc/passwd"), List.of()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("'-i' is not allowed");
        assertThatThrownBy(() -> profile(List.of(), List.of("-f", "image2")))
                .hasMessageContaining("'-f' is not allowed");
        assertThatThrownBy(() -> profile(List.of(), List.of("-g"))).hasMessageContaining("-g needs a value");
        assertThatThrownBy(() -> profile(List.of(), List.of("-preset", "-y"))).hasMessageContaining("value '-y'");
    }
}
