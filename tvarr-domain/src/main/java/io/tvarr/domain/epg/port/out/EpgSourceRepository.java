package io.tvarr.domain.epg.port.out;

import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.epg.EpgSourceId;
import java.util.List;
import java.util.Optional;

/** Stores guide source definitions (few, so listing is fine). */
public interface EpgSourceRepository {
    void insert(EpgSource source);

    /** Updates an existing source; throws NotFoundException when it does not exist. */
    void update(EpgSource source);

    /** Deletes the source with its guide; returns false when it did not exist. */
    boolean delete(EpgSourceId id);

    Optional<EpgSource> findById(EpgSourceId id);

    List<EpgSource> findAll();
}
