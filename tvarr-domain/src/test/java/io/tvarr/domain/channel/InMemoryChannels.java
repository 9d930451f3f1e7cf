package io.tvarr.domain.channel;

import io.tvarr.domain.Page;
import io.tvarr.domain.channel.port.out.ChannelRepository;
import io.tvarr.domain.source.SourceId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Channels in a map, in insertion order; enough for services that read channels by id or by source. */
public final class InMemoryChannels implements ChannelRepository {
    private final Map<ChannelId, Channel> byId = new LinkedHashMap<>();

    public synchronized InMemoryChannels add(Channel channel) {
        byId.put(channel.id(), channel);
        return this;
    }

    public synchronized void remove(ChannelId id) {
        byId.remove(id);
    }

    @Override
    public synchronized long replaceAllForSource(SourceId source, Consumer<ChannelSink> writer) {
        byId.values().removeIf(c -> c.sourceId().equals(source));
        long[] count = {0};
        writer.accept(channel -> {
            byId.put(channel.id(), channel);
            count[0]++;
        });
        return count[0];
    }

    @Override
    public void forEachBySource(SourceId source, Consumer<Channel> consumer) {
        List<Channel> of;
        synchronized (this) {
            of = byId.values().stream().filter(c -> c.sourceId().equals(source)).toList();
        }
        of.forEach(consumer);
    }

    @Override
    public synchronized Optional<Channel> findById(ChannelId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized long countBySource(SourceId source) {
        return byId.values().stream().filter(c -> c.sourceId().equals(source)).count();
    }

    @Override
    public synchronized Page<Channel> findPage(ChannelQuery query) {
        List<Channel> all = new ArrayList<>(byId.values());
        return new Page<>(all, 0, all.size(), all.size());
    }

    @Override
    public List<GroupCount> groups(@Nullable SourceId source) {
        return List.of();
    }
}
