package io.tvarr.domain.channel;

import io.tvarr.domain.Checks;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.source.SourceId;

/**
 * A channel's stable identity: its source and the provider's key for it ({@link Channel#externalKey()}), from which
 * its {@link ChannelId} is derived. Kept beside what a user set on a channel (an override, a guide pin), so the
 * channel can still be named once its source no longer gives it, and found again in another instance, where the
 * source has another id.
 */
public record ChannelKey(SourceId source, String externalKey) {
    public ChannelKey {
        Checks.requireNonNull(source, "source");
        Checks.requireNonNull(externalKey, "external_key");
        if (externalKey.isEmpty()) {
            throw new ValidationException("external_key: must not be empty");
        }
    }

    public static ChannelKey of(Channel channel) {
        return new ChannelKey(channel.sourceId(), channel.externalKey());
    }

    /** The id the source's channel has, whether the source gives it now or not. */
    public ChannelId channelId() {
        return ChannelId.of(source, externalKey);
    }
}
