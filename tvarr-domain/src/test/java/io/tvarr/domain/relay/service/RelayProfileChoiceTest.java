package io.tvarr.domain.relay.service;

import static io.tvarr.domain.TestData.aProxy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.relay.LastKnownCodec;
import io.tvarr.domain.relay.RelayProfile;
import io.tvarr.domain.relay.RelayProfileId;
import io.tvarr.domain.relay.VideoCodec;
import io.tvarr.domain.relay.port.out.LastKnownCodecRepository;
import io.tvarr.domain.relay.port.out.RelayProfileRepository;
import io.tvarr.domain.source.SourceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RelayProfileChoiceTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final ChannelId CHANNEL = ChannelId.of(SourceId.random(), "one");

    private static final RelayProfile HEVC = new RelayProfile(
            RelayProfileId.random(),
            "HEVC for the living room",
            VideoCodec.HEVC,
            io.tvarr.domain.relay.AudioCodec.AAC,
            0,
            0,
            0,
            io.tvarr.domain.relay.HardwareAcceleration.AUTO,
            List.of(),
            List.of(),
            false);

    private final Map<ChannelId, LastKnownCodec> probed = new HashMap<>();
    private final Map<RelayProfileId, RelayProfile> stored = new HashMap<>(Map.of(HEVC.id(), HEVC));
    private final RelayProfileChoice choice = new RelayProfileChoice(
            new Profiles(), new Codecs(), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(24));

    @Nested
    class For_a_tuner {
        @Test
        void a_channel_last_found_h264_and_aac_passes_through() {
            probed.put(CHANNEL, codec("h264", "aac", NOW.minusSeconds(60)));

            assertThat(choice.forTuner(CHANNEL)).isNull();
        }

        @Test
        void a_channel_never_probed_goes_through_the_tuner_profile() {
            assertThat(choice.forTuner(CHANNEL)).isEqualTo(RelayProfileChoice.TUNER_PROFILE);
        }

        @Test
        void hevc_or_mp2_audio_goes_through_the_tuner_profile() {
            probed.put(CHANNEL, codec("hevc", "aac", NOW));
            assertThat(choice.forTuner(CHANNEL)).isEqualTo(RelayProfileChoice.TUNER_PROFILE);

            probed.put(CHANNEL, codec("h264", "mp2", NOW));
            assertThat(choice.forTuner(CHANNEL)).isEqualTo(RelayProfileChoice.TUNER_PROFILE);
        }

        @Test
        void a_proxy_naming_a_tuner_profile_gets_it_even_for_a_channel_that_would_pass_through() {
            probed.put(CHANNEL, codec("h264", "aac", NOW));
            StreamProxy proxy = aProxy("living-room", SourceId.random());
            StreamProxy withProfile = withTunerProfile(proxy, HEVC.id());

            assertThat(choice.forTuner(withProfile, CHANNEL)).isEqualTo(HEVC);
        }

        @Test
        void a_proxy_naming_none_keeps_the_built_in_choice() {
            StreamProxy proxy = aProxy("living-room", SourceId.random());

            assertThat(choice.forTuner(proxy, CHANNEL)).isEqualTo(RelayProfileChoice.TUNER_PROFILE);
            probed.put(CHANNEL, codec("h264", "aac", NOW));
            assertThat(choice.forTuner(proxy, CHANNEL)).isNull();
        }

        @Test
        void a_tuner_profile_deleted_meanwhile_is_not_found_naming_the_proxy() {
            StreamProxy proxy = aProxy("living-room", SourceId.random());
            stored.clear();

            assertThatThrownBy(() -> choice.forTuner(withTunerProfile(proxy, HEVC.id()), CHANNEL))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessage("relay profile " + HEVC.id() + " (HDHomeRun tuner of proxy 'living-room'): not found");
        }

        @Test
        void a_finding_older_than_the_trust_is_probed_again() {
            probed.put(CHANNEL, codec("h264", "aac", NOW.minus(Duration.ofHours(25))));

            assertThat(choice.forTuner(CHANNEL)).isEqualTo(RelayProfileChoice.TUNER_PROFILE);
        }
    }

    @Test
    void the_tuner_profile_is_smart_and_makes_h264_and_aac() {
        RelayProfile profile = RelayProfileChoice.TUNER_PROFILE;

        assertThat(profile.smart()).isTrue();
        assertThat(profile.videoCodec()).isEqualTo(VideoCodec.H264);
        assertThat(profile.audioCodec()).isEqualTo(io.tvarr.domain.relay.AudioCodec.AAC);
    }

    private static StreamProxy withTunerProfile(StreamProxy p, RelayProfileId profile) {
        return new StreamProxy(
                p.id(),
                p.name(),
                p.slug(),
                p.sources(),
                p.epgSources(),
                p.filters(),
                p.mappingRules(),
                p.numbering(),
                p.deliveryMode(),
                p.relayProfile(),
                p.output().withHdhomerunProfile(profile),
                p.schedule(),
                p.createdAt(),
                p.updatedAt());
    }

    private static LastKnownCodec codec(String video, String audio, Instant at) {
        return new LastKnownCodec(CHANNEL, video, audio, 1920, 1080, 0, at);
    }

    private final class Codecs implements LastKnownCodecRepository {
        @Override
        public void upsert(LastKnownCodec codec) {
            probed.put(codec.channelId(), codec);
        }

        @Override
        public Optional<LastKnownCodec> findByChannel(ChannelId channel) {
            return Optional.ofNullable(probed.get(channel));
        }
    }

    private final class Profiles implements RelayProfileRepository {
        @Override
        public void insert(RelayProfile profile) {}

        @Override
        public void update(RelayProfile profile) {}

        @Override
        public boolean delete(RelayProfileId id) {
            return false;
        }

        @Override
        public Optional<RelayProfile> findById(RelayProfileId id) {
            return Optional.ofNullable(stored.get(id));
        }

        @Override
        public List<RelayProfile> findAll() {
            return List.of();
        }
    }
}
