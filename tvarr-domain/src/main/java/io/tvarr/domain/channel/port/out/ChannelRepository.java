package io.tvarr.domain.channel.port.out;

import io.tvarr.domain.Page;
import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.channel.ChannelQuery;
import io.tvarr.domain.channel.ChannelSink;
import io.tvarr.domain.channel.GroupCount;
import io.tvarr.domain.channel.StoredChannelKey;
import io.tvarr.domain.source.SourceId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Stores the channels of every source. Implementations are thread-safe. */
public interface ChannelRepository {

    /**
     * Replaces every channel of a source atomically. The writer streams the new channels into the sink
     * it is given (they are written in batches); if the writer throws, nothing changes and the exception
     * propagates. Channels are unique per id; a repeated id overwrites the earlier one. The write transaction is
     * open while the writer runs, so it should only replay what was read before (the ingestion's spool), never
     * download: on SQLite every other write waits for it.
     *
     * @return the number of channels stored
     */
    long replaceAllForSource(SourceId source, Consumer<ChannelSink> writer);

    /** Feeds every channel of a source to the consumer in a stable order, holding no more than a batch. */
    void forEachBySource(SourceId source, Consumer<Channel> consumer);

    /**
     * Feeds the id, key and stream URL of every channel of a source to the consumer, in the order of
     * {@link #forEachBySource}: what a refresh needs to hand ids on. Implementations should read only these columns;
     * whole channels (their attributes decoded) cost several times more at 100k channels.
     */
    default void forEachKeyBySource(SourceId source, Consumer<StoredChannelKey> consumer) {
        forEachBySource(source, channel -> consumer.accept(StoredChannelKey.of(channel)));
    }

    /**
     * Feeds the provider's channel number (tvg-chno; null for a channel without one) of every channel of a source,
     * one call per channel: what preserve numbering must know before the first channel is written, when nothing
     * before numbering changes or drops channels. Implementations should read only that column.
     */
    default void forEachNumberBySource(SourceId source, Consumer<@Nullable String> consumer) {
        forEachBySource(source, channel -> consumer.accept(channel.tvgChno()));
    }

    Optional<Channel> findById(ChannelId id);

    long countBySource(SourceId source);

    Page<Channel> findPage(ChannelQuery query);

    /** Groups with their channel counts, ordered by group; all sources when {@code source} is null. */
    List<GroupCount> groups(@Nullable SourceId source);
}
