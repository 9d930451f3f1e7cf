package io.tvarr.domain.relay.port.out;

import io.tvarr.domain.relay.RelayProfile;
import io.tvarr.domain.relay.RelayProfileId;
import java.util.List;
import java.util.Optional;

/** Stores relay profiles. */
public interface RelayProfileRepository {
    void insert(RelayProfile profile);

    void update(RelayProfile profile);

    boolean delete(RelayProfileId id);

    Optional<RelayProfile> findById(RelayProfileId id);

    List<RelayProfile> findAll();
}
