package io.tvarr.domain.epg.port.in;

import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.epg.EpgSourceId;
import java.util.List;

/** Create, change, remove and list guide sources. Removing one removes its guide. */
public interface ManageEpgSourcesUseCase {
    EpgSource create(SaveEpgSourceCommand command);

    EpgSource update(EpgSourceId id, SaveEpgSourceCommand command);

    void delete(EpgSourceId id);

    EpgSource get(EpgSourceId id);

    List<EpgSource> list();
}
