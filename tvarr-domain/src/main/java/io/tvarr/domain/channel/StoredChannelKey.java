package io.tvarr.domain.channel;

import io.tvarr.domain.Checks;

/**
 * What a stored channel hands on to a refresh of its source ({@link StableChannelIds}): its id and the key and
 * stream URL it was stored under. Reading these three columns instead of whole channels is what makes the
 * refresh of a large playlist cheap.
 */
public record StoredChannelKey(ChannelId id, String externalKey, String streamUrl) {
    public StoredChannelKey {
        Checks.requireNonNull(id, "id");
        externalKey = Checks.requireText(externalKey, "external_key");
        streamUrl = Checks.requireText(streamUrl, "stream_url");
    }

    public static StoredChannelKey of(Channel channel) {
        return new StoredChannelKey(channel.id(), channel.externalKey(), channel.streamUrl());
    }
}
