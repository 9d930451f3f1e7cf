package io.tvarr.http.web;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.health.HealthCheckSettings;
import io.tvarr.domain.ingestion.IngestionStatus;
import java.io.InputStream;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One kind of source (channel sources or guides) seen through its use cases, by id as the pages carry it. */
interface SourceCatalog {
    SourceSection section();

    List<SourceEntry> list();

    SourceEntry get(String id);

    /** @return the new source's id */
    String create(SourceForm form);

    void update(String id, SourceForm form);

    /**
     * Keeps an uploaded file and saves the form's settings reading it.
     *
     * @param id the source whose file is replaced; null for a new source
     * @param file the upload, which the caller closes
     * @return the source's id
     */
    String upload(@Nullable String id, SourceForm form, InputStream file);

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
