package io.tvarr.domain.relay.service;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.proxy.DeliveryMode;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.relay.AudioCodec;
import io.tvarr.domain.relay.HardwareAcceleration;
import io.tvarr.domain.relay.PlayableCodecs;
import io.tvarr.domain.relay.RelayProfile;
import io.tvarr.domain.relay.RelayProfileId;
import io.tvarr.domain.relay.VideoCodec;
import io.tvarr.domain.relay.port.out.LastKnownCodecRepository;
import io.tvarr.domain.relay.port.out.RelayProfileRepository;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Which relay profile serves a channel. Playlist players get the proxy's own (transcode delivery) or none. A tuner's
 * clients (Plex above all) need H.264 with AAC in MPEG-TS: a channel the relay's last probe found so is passed
 * through as it comes (HLS collapsed to TS by the relay), any other, or one never probed, goes through the built-in
 * smart tuner profile, which probes it, copies what is H.264 or AAC and encodes the rest, unless the proxy names a
 * profile of its own for its tuner.
 */
public final class RelayProfileChoice {
    /**
     * The tuner's profile: smart, H.264 and AAC, the encoder family the machine verified. FFmpeg analyses one second
     * of input instead of five, since a tuner client (Plex) gives up on a channel that is slow to start.
     */
    public static final RelayProfile TUNER_PROFILE = new RelayProfile(
            new RelayProfileId(UUID.nameUUIDFromBytes("tvarr built-in tuner profile".getBytes(StandardCharsets.UTF_8))),
            "Tuner (built-in: H.264/AAC)",
            VideoCodec.H264,
            AudioCodec.AAC,
            0,
            0,
            0,
            HardwareAcceleration.AUTO,
            List.of("-analyzeduration", "1000000"),
            List.of(),
            true);

    private final RelayProfileRepository profiles;
    private final LastKnownCodecRepository codecs;
    private final Clock clock;
    private final Duration trusted;

    /** @param trusted how long a probe's finding holds, as long as the relay's probe cache keeps it */
    public RelayProfileChoice(
            RelayProfileRepository profiles, LastKnownCodecRepository codecs, Clock clock, Duration trusted) {
        this.profiles = profiles;
        this.codecs = codecs;
        this.clock = clock;
        this.trusted = trusted;
    }

    /** The proxy's profile under transcode delivery; null passes the upstream through. */
    public @Nullable RelayProfile forPlaylist(StreamProxy proxy) {
        if (proxy.deliveryMode() != DeliveryMode.TRANSCODE || proxy.relayProfile() == null) {
            return null;
        }
        return profiles.findById(proxy.relayProfile())
                .orElseThrow(() -> new NotFoundException(
                        "relay profile " + proxy.relayProfile() + " of proxy '" + proxy.slug() + "': not found"));
    }

    /**
     * The profile the proxy's tuner names; without one, null when the channel was last found H.264/AAC (passed
     * through) and the built-in tuner profile otherwise.
     */
    public @Nullable RelayProfile forTuner(StreamProxy proxy, ChannelId channel) {
        RelayProfileId chosen = proxy.output().hdhomerunProfile();
        if (chosen != null) {
            return profiles.findById(chosen)
                    .orElseThrow(() -> new NotFoundException("relay profile " + chosen + " (HDHomeRun tuner of proxy '"
                            + proxy.slug() + "'): not found"));
        }
        return forTuner(channel);
    }

    /** Null when the channel was last found H.264/AAC (passed through); the tuner profile otherwise. */
    public @Nullable RelayProfile forTuner(ChannelId channel) {
        boolean playable = codecs.findByChannel(channel)
                .filter(c -> c.isFresh(clock.instant(), trusted))
                .filter(c -> PlayableCodecs.TUNER.takes(c.videoCodec(), c.audioCodec()))
                .isPresent();
        return playable ? null : TUNER_PROFILE;
    }
}
