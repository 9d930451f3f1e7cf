package io.tvarr.domain.relay.service;

import io.tvarr.domain.ConflictException;
import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.out.StreamProxyRepository;
import io.tvarr.domain.relay.RelayProfile;
import io.tvarr.domain.relay.RelayProfileId;
import io.tvarr.domain.relay.port.in.ManageRelayProfilesUseCase;
import io.tvarr.domain.relay.port.out.RelayProfileRepository;
import java.util.List;

/** Relay profile management; refuses to remove a profile a proxy still relays with. */
public final class RelayProfileService implements ManageRelayProfilesUseCase {
    private final RelayProfileRepository profiles;
    private final StreamProxyRepository proxies;

    public RelayProfileService(RelayProfileRepository profiles, StreamProxyRepository proxies) {
        this.profiles = profiles;
        this.proxies = proxies;
    }

    @Override
    public RelayProfile create(RelayProfile profile) {
        profiles.insert(profile);
        return profile;
    }

    @Override
    public RelayProfile update(RelayProfile profile) {
        get(profile.id());
        profiles.update(profile);
        return profile;
    }

    @Override
    public void delete(RelayProfileId id) {
        get(id);
        List<String> users = proxies.findAll().stream()
                .filter(p -> id.equals(p.relayProfile()) || id.equals(p.output().hdhomerunProfile()))
                .map(StreamProxy::name)
                .toList();
        if (!users.isEmpty()) {
            throw new ConflictException("relay profile " + id + ": still used by proxies " + users);
        }
        profiles.delete(id);
    }

    @Override
    public RelayProfile get(RelayProfileId id) {
        return profiles.findById(id).orElseThrow(() -> new NotFoundException("relay profile " + id + ": not found"));
    }

    @Override
    public List<RelayProfile> list() {
        return profiles.findAll();
    }
}
