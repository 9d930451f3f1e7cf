package io.tvarr.domain.filter.port.out;

import io.tvarr.domain.filter.Filter;
import io.tvarr.domain.filter.FilterId;
import java.util.List;
import java.util.Optional;

/** Stores filters. */
public interface FilterRepository {
    void insert(Filter filter);

    void update(Filter filter);

    boolean delete(FilterId id);

    Optional<Filter> findById(FilterId id);

    List<Filter> findAll();
}
