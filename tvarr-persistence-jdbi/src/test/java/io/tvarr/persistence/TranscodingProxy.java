package io.tvarr.persistence;

import io.tvarr.domain.proxy.DeliveryMode;
import io.tvarr.domain.proxy.Numbering;
import io.tvarr.domain.proxy.OutputSettings;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.relay.AudioCodec;
import io.tvarr.domain.relay.HardwareAcceleration;
import io.tvarr.domain.relay.RelayProfile;
import io.tvarr.domain.relay.RelayProfileId;
import io.tvarr.domain.relay.VideoCodec;
import java.time.Instant;
import java.util.List;

/** A proxy named "tv" that transcodes with a stored copy-copy profile: the subject of the relay rename tests. */
final class TranscodingProxy {
    private TranscodingProxy() {}

    /** Stores the profile (not the proxy) and returns the proxy. */
    static StreamProxy withStoredProfile(JdbiPersistence store, Instant at) {
        RelayProfile profile = new RelayProfile(
                RelayProfileId.random(),
                "copy",
                VideoCodec.COPY,
                AudioCodec.COPY,
                0,
                0,
                0,
                HardwareAcceleration.NONE,
                List.of(),
                List.of(),
                false);
        store.relayProfiles().insert(profile);
        return new StreamProxy(
                ProxyId.random(),
                "tv",
                "tv",
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                Numbering.DEFAULT,
                DeliveryMode.TRANSCODE,
                profile.id(),
                OutputSettings.DEFAULT,
                null,
                at,
                at);
    }
}
