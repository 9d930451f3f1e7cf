package io.tvarr.domain.filter.port.in;

import io.tvarr.domain.filter.Filter;
import io.tvarr.domain.filter.FilterId;
import java.util.List;

/** Create, change, remove and list filters; expressions are validated before anything is stored. */
public interface ManageFiltersUseCase {
    Filter create(SaveFilterCommand command);

    Filter update(FilterId id, SaveFilterCommand command);

    void delete(FilterId id);

    Filter get(FilterId id);

    List<Filter> list();
}
