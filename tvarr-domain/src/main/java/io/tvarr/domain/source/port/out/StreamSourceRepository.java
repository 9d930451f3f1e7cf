package io.tvarr.domain.source.port.out;

import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.source.StreamSource;
import java.util.List;
import java.util.Optional;

/** Stores channel source definitions (few, so listing is fine). */
public interface StreamSourceRepository {
    void insert(StreamSource source);

    /** Updates an existing source; throws NotFoundException when it does not exist. */
    void update(StreamSource source);

    /** Deletes the source with its channels; returns false when it did not exist. */
    boolean delete(SourceId id);

    Optional<StreamSource> findById(SourceId id);

    List<StreamSource> findAll();
}
