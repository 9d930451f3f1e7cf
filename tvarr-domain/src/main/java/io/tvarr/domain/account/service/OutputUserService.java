package io.tvarr.domain.account.service;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.account.OutputUser;
import io.tvarr.domain.account.OutputUserId;
import io.tvarr.domain.account.port.in.CreateOutputUserCommand;
import io.tvarr.domain.account.port.in.LogInOutputUserUseCase;
import io.tvarr.domain.account.port.in.Login;
import io.tvarr.domain.account.port.in.ManageOutputUsersUseCase;
import io.tvarr.domain.account.port.in.UpdateOutputUserCommand;
import io.tvarr.domain.account.port.out.OutputUserRepository;
import io.tvarr.domain.account.port.out.PasswordHasher;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.port.out.StreamProxyRepository;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Output users over their repository, the password hasher and the proxies they belong to. */
public final class OutputUserService implements ManageOutputUsersUseCase, LogInOutputUserUseCase {
    private static final Logger log = LoggerFactory.getLogger(OutputUserService.class);

    private final OutputUserRepository users;
    private final PasswordHasher hasher;
    private final StreamProxyRepository proxies;
    private final Clock clock;
    /** Checked against when the username is unknown, so an unknown name costs as long as a wrong password. */
    private final String decoy;

    public OutputUserService(
            OutputUserRepository users, PasswordHasher hasher, StreamProxyRepository proxies, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.proxies = proxies;
        this.clock = clock;
        this.decoy = hasher.decoyHash();
    }

    @Override
    public OutputUser create(ProxyId proxy, CreateOutputUserCommand command) {
        if (proxies.findById(proxy).isEmpty()) {
            throw new NotFoundException("proxy " + proxy + ": not found");
        }
        OutputUser user = new OutputUser(
                OutputUserId.random(),
                proxy,
                command.username(),
                hasher.hash(command.password()),
                command.expiresAt(),
                command.maxConnections(),
                clock.instant());
        users.insert(user);
        log.info("output user created proxy_id={} username={}", proxy, user.username());
        return user;
    }

    @Override
    public List<OutputUser> list(ProxyId proxy) {
        return users.findByProxy(proxy);
    }

    @Override
    public OutputUser update(ProxyId proxy, OutputUserId id, UpdateOutputUserCommand command) {
        OutputUser current = users.findByProxy(proxy).stream()
                .filter(u -> u.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("user " + id + " of proxy " + proxy + ": not found"));
        String password = command.password();
        OutputUser changed = new OutputUser(
                current.id(),
                current.proxy(),
                current.username(),
                password == null ? current.passwordHash() : hasher.hash(password),
                command.expiresAt(),
                command.maxConnections(),
                current.createdAt());
        if (!users.update(changed)) {
            // deleted between the read and the write
            throw new NotFoundException("user " + id + " of proxy " + proxy + ": not found");
        }
        log.info(
                "output user changed proxy_id={} username={} password_changed={}",
                proxy,
                changed.username(),
                password != null);
        return changed;
    }

    @Override
    public void delete(ProxyId proxy, OutputUserId id) {
        if (!users.delete(proxy, id)) {
            throw new NotFoundException("user " + id + " of proxy " + proxy + ": not found");
        }
        log.info("output user deleted proxy_id={} user_id={}", proxy, id);
    }

    @Override
    public Login logIn(String username, String password) {
        Optional<OutputUser> found = users.findByUsername(username);
        if (found.isEmpty()) {
            hasher.matches(password, decoy);
            return new Login.Refused();
        }
        OutputUser user = found.get();
        if (!hasher.matches(password, user.passwordHash())) {
            return new Login.Refused();
        }
        return user.expiredAt(clock.instant()) ? new Login.Expired(user) : new Login.Granted(user);
    }
}
