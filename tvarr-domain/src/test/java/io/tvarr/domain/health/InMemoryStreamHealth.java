package io.tvarr.domain.health;

import io.tvarr.domain.Page;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.channel.port.out.ChannelRepository;
import io.tvarr.domain.health.port.out.StreamHealthRepository;
import io.tvarr.domain.source.SourceId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Check settings and results in maps; the channels due for a check come from the channel repository given. */
public final class InMemoryStreamHealth implements StreamHealthRepository {
    private final ChannelRepository channels;
    private final Map<SourceId, HealthCheckSettings> settings = new HashMap<>();
    private final Map<ChannelId, StreamHealth> results = new LinkedHashMap<>();

    public InMemoryStreamHealth(ChannelRepository channels) {
        this.channels = channels;
    }

    @Override
    public synchronized HealthCheckSettings settings(SourceId source) {
        return settings.getOrDefault(source, HealthCheckSettings.DEFAULT);
    }

    @Override
    public synchronized void saveSettings(SourceId source, HealthCheckSettings value) {
        settings.put(source, value);
    }

    @Override
    public synchronized Map<SourceId, HealthCheckSettings> enabledChecks() {
        Map<SourceId, HealthCheckSettings> enabled = new HashMap<>();
        settings.forEach((source, value) -> {
            if (value.enabled()) {
                enabled.put(source, value);
            }
        });
        return enabled;
    }

    @Override
    public synchronized void record(StreamHealth result) {
        results.put(result.channel(), result);
    }

    @Override
    public synchronized Optional<StreamHealth> findByChannel(ChannelId channel) {
        return Optional.ofNullable(results.get(channel));
    }

    @Override
    public synchronized List<StreamHealth> findByChannels(Collection<ChannelId> of) {
        return of.stream().map(results::get).filter(r -> r != null).toList();
    }

    @Override
    public synchronized Page<StreamHealth> findPage(SourceId source, int page, int size) {
        List<StreamHealth> all = results.values().stream()
                .filter(r -> r.source().equals(source))
                .sorted(Comparator.comparing(StreamHealth::checkedAt).reversed())
                .toList();
        int from = Math.min(all.size(), page * size);
        return new Page<>(all.subList(from, Math.min(all.size(), from + size)), page, size, all.size());
    }

    @Override
    public synchronized Map<HealthStatus, Long> counts(SourceId source) {
        Map<HealthStatus, Long> counts = new TreeMap<>();
        results.values().stream()
                .filter(r -> r.source().equals(source))
                .forEach(r -> counts.merge(r.status(), 1L, Long::sum));
        return counts;
    }

    @Override
    public List<ChannelId> dueForCheck(SourceId source, int limit) {
        List<ChannelId> never = new ArrayList<>();
        List<StreamHealth> checked = new ArrayList<>();
        channels.forEachBySource(source, channel -> {
            StreamHealth result = findByChannel(channel.id()).orElse(null);
            if (result == null) {
                never.add(channel.id());
            } else {
                checked.add(result);
            }
        });
        checked.sort(Comparator.comparing(StreamHealth::checkedAt));
        List<ChannelId> due = new ArrayList<>(never);
        checked.forEach(r -> due.add(r.channel()));
        return due.subList(0, Math.min(limit, due.size()));
    }
}
