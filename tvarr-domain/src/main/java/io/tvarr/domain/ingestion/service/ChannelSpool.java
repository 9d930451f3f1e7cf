package io.tvarr.domain.ingestion.service;

import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.channel.ChannelSink;
import io.tvarr.domain.source.SourceId;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * The channels one refresh of a source read, held in a {@link SpoolFile} until they are stored: written as the
 * handler yields them, then replayed in the same order into the repository's replace. Not thread-safe.
 */
final class ChannelSpool implements ChannelSink, AutoCloseable {
    private final SourceId source;
    private final SpoolFile file;
    private long count;

    ChannelSpool(Path directory, SourceId source) {
        this.source = source;
        this.file = SpoolFile.create(directory);
    }

    /** Spools a channel of this spool's source; one of another source is a programming error, refused at once. */
    @Override
    public void accept(Channel channel) {
        if (!channel.sourceId().equals(source)) {
            throw new IllegalArgumentException(
                    "channel " + channel.id() + ": belongs to source " + channel.sourceId() + ", not " + source);
        }
        UUID id = channel.id().value();
        file.writeLong(id.getMostSignificantBits());
        file.writeLong(id.getLeastSignificantBits());
        file.writeText(channel.externalKey());
        file.writeText(channel.tvgId());
        file.writeText(channel.tvgName());
        file.writeText(channel.tvgChno());
        file.writeText(channel.name());
        file.writeText(channel.group());
        file.writeText(channel.logoUrl());
        file.writeText(channel.streamUrl());
        Map<String, String> attributes = channel.attributes();
        file.writeCount(attributes.size());
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            file.writeText(attribute.getKey());
            file.writeText(attribute.getValue());
        }
        count++;
    }

    /** How many channels were spooled. */
    long count() {
        return count;
    }

    /** Hands every spooled channel to the sink, in the order they came; once. */
    void replayTo(ChannelSink sink) {
        file.rewind();
        for (long i = 0; i < count; i++) {
            sink.accept(read());
        }
    }

    private Channel read() {
        ChannelId id = new ChannelId(new UUID(file.readLong(), file.readLong()));
        String externalKey = file.readRequiredText();
        String tvgId = file.readText();
        String tvgName = file.readText();
        String tvgChno = file.readText();
        String name = file.readRequiredText();
        String group = file.readText();
        String logoUrl = file.readText();
        String streamUrl = file.readRequiredText();
        return new Channel(
                id, source, externalKey, tvgId, tvgName, tvgChno, name, group, logoUrl, streamUrl, attributes());
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> attributes() {
        int size = (int) file.readCount();
        if (size == 0) {
            return Map.of();
        }
        Map.Entry<String, String>[] entries = new Map.Entry[size];
        for (int i = 0; i < size; i++) {
            entries[i] = Map.entry(file.readRequiredText(), file.readRequiredText());
        }
        return Map.ofEntries(entries);
    }

    @Override
    public void close() {
        file.close();
    }
}
