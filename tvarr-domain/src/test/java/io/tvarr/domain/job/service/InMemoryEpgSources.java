package io.tvarr.domain.job.service;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.epg.port.out.EpgSourceRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Guide sources in a map, in insertion order. */
public final class InMemoryEpgSources implements EpgSourceRepository {
    private final Map<EpgSourceId, EpgSource> byId = new LinkedHashMap<>();

    @Override
    public synchronized void insert(EpgSource source) {
        byId.put(source.id(), source);
    }

    @Override
    public synchronized void update(EpgSource source) {
        if (byId.replace(source.id(), source) == null) {
            throw new NotFoundException("EPG source " + source.id() + ": not found");
        }
    }

    @Override
    public synchronized boolean delete(EpgSourceId id) {
        return byId.remove(id) != null;
    }

    @Override
    public synchronized Optional<EpgSource> findById(EpgSourceId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized List<EpgSource> findAll() {
        return new ArrayList<>(byId.values());
    }
}
