package io.tvarr.domain.account.port.in;

import io.tvarr.domain.account.OutputUser;
import io.tvarr.domain.account.OutputUserId;
import io.tvarr.domain.proxy.ProxyId;
import java.util.List;

/** Create, list, change and delete the output users of a proxy. */
public interface ManageOutputUsersUseCase {
    /**
     * @throws io.tvarr.domain.NotFoundException when the proxy does not exist
     * @throws io.tvarr.domain.ConflictException when the username is taken
     */
    OutputUser create(ProxyId proxy, CreateOutputUserCommand command);

    /** The proxy's users by username. */
    List<OutputUser> list(ProxyId proxy);

    /**
     * Changes a user's password (when the command has one), expiry and connection limit; streams already playing
     * go on, the new limit counts from the next one.
     *
     * @throws io.tvarr.domain.NotFoundException when the proxy has no such user
     */
    OutputUser update(ProxyId proxy, OutputUserId id, UpdateOutputUserCommand command);

    /** @throws io.tvarr.domain.NotFoundException when the proxy has no such user */
    void delete(ProxyId proxy, OutputUserId id);
}
