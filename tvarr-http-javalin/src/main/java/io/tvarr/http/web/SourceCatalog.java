package io.tvarr.http.web;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.health.HealthCheckSettings;
import io.tvarr.domain.ingestion.IngestionStatus;
import java.util.List;

/** One kind of source (channel sources or guides) seen through its use cases, by id as the pages carry it. */
interface SourceCatalog {
    SourceSection section();

    List<SourceEntry> list();

    SourceEntry get(String id);

    /** @return the new source's id */
    String create(SourceForm form);

    void update(String id, SourceForm form);

    void delete(String id);

    /** Starts a refresh in the background, guarded against losing the stored data. */
    IngestionStatus refresh(String id);

    IngestionStatus status(String id);

    /**
     * Changes the source's stream-check settings.
     *
     * @throws NotFoundException for kinds without stream checks
     * @throws io.tvarr.domain.ValidationException naming the field that is wrong
     */
    default void configureHealth(String id, HealthCheckSettings settings) {
        throw new NotFoundException(section().singular() + " " + id + ": has no stream checks");
    }

    /** The source's stream checks; {@link SourceHealth#NONE} for kinds without them. */
    default SourceHealth health(String id) {
        return SourceHealth.NONE;
    }
}
