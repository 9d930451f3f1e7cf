package io.tvarr.domain.job.service;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.port.out.StreamSourceRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Channel sources in a map, in insertion order. */
public final class InMemoryStreamSources implements StreamSourceRepository {
    private final Map<SourceId, StreamSource> byId = new LinkedHashMap<>();

    @Override
    public synchronized void insert(StreamSource source) {
        byId.put(source.id(), source);
    }

    @Override
    public synchronized void update(StreamSource source) {
        if (byId.replace(source.id(), source) == null) {
            throw new NotFoundException("stream source " + source.id() + ": not found");
        }
    }

    @Override
    public synchronized boolean delete(SourceId id) {
        return byId.remove(id) != null;
    }

    @Override
    public synchronized Optional<StreamSource> findById(SourceId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized List<StreamSource> findAll() {
        return new ArrayList<>(byId.values());
    }
}
