package io.tvarr.domain.source.port.in;

import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.source.StreamSource;
import java.util.List;

/** Create, change, remove and list channel sources. Removing one removes its channels. */
public interface ManageStreamSourcesUseCase {
    StreamSource create(SaveStreamSourceCommand command);

    StreamSource update(SourceId id, SaveStreamSourceCommand command);

    void delete(SourceId id);

    StreamSource get(SourceId id);

    List<StreamSource> list();
}
