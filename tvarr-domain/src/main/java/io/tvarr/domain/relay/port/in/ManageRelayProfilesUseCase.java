package io.tvarr.domain.relay.port.in;

import io.tvarr.domain.relay.RelayProfile;
import io.tvarr.domain.relay.RelayProfileId;
import java.util.List;

/** Create, change, remove and list relay profiles; one a proxy uses cannot be removed. */
public interface ManageRelayProfilesUseCase {
    RelayProfile create(RelayProfile profile);

    RelayProfile update(RelayProfile profile);

    void delete(RelayProfileId id);

    RelayProfile get(RelayProfileId id);

    List<RelayProfile> list();
}
