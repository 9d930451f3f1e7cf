package io.tvarr.domain.account.service;

import static io.tvarr.domain.TestData.T0;
import static io.tvarr.domain.TestData.aProxy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.ConflictException;
import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.account.OutputUser;
import io.tvarr.domain.account.OutputUserId;
import io.tvarr.domain.account.port.in.CreateOutputUserCommand;
import io.tvarr.domain.account.port.in.Login;
import io.tvarr.domain.account.port.in.UpdateOutputUserCommand;
import io.tvarr.domain.account.port.out.OutputUserRepository;
import io.tvarr.domain.account.port.out.PasswordHasher;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.out.StreamProxyRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OutputUserServiceTest {
    private final StreamProxy proxy = aProxy("living-room");
    private final InMemoryUsers users = new InMemoryUsers();
    private final OutputUserService service =
            new OutputUserService(users, new ReversingHasher(), new OneProxy(proxy), Clock.fixed(T0, ZoneOffset.UTC));

    @Nested
    class Update {
        @Test
        void changes_the_password_expiry_and_limit_and_keeps_the_username() {
            OutputUser user = service.create(proxy.id(), new CreateOutputUserCommand("alice", "secret1", null, 1));

            OutputUser changed = service.update(
                    proxy.id(), user.id(), new UpdateOutputUserCommand("newpass", T0.plus(Duration.ofDays(30)), 3));

            assertThat(changed.username()).isEqualTo("alice");
            assertThat(changed.maxConnections()).isEqualTo(3);
            assertThat(changed.expiresAt()).isEqualTo(T0.plus(Duration.ofDays(30)));
            assertThat(service.logIn("alice", "newpass")).isInstanceOf(Login.Granted.class);
            assertThat(service.logIn("alice", "secret1")).isInstanceOf(Login.Refused.class);
        }

        @Test
        void keeps_the_password_when_the_command_has_none() {
            OutputUser user = service.create(proxy.id(), new CreateOutputUserCommand("alice", "secret1", null, 1));

            service.update(proxy.id(), user.id(), new UpdateOutputUserCommand(null, null, 2));

            assertThat(service.logIn("alice", "secret1")).isInstanceOf(Login.Granted.class);
            assertThat(service.list(proxy.id()).get(0).maxConnections()).isEqualTo(2);
        }

        @Test
        void refuses_a_too_short_new_password_naming_the_field() {
            assertThatThrownBy(() -> new UpdateOutputUserCommand("abc", null, 1))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageStartingWith("password:");
        }

        @Test
        void refuses_a_user_of_another_proxy() {
            OutputUser user = service.create(proxy.id(), new CreateOutputUserCommand("alice", "secret1", null, 1));

            assertThatThrownBy(() ->
                            service.update(ProxyId.random(), user.id(), new UpdateOutputUserCommand(null, null, 1)))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @Nested
    class Create {
        @Test
        void stores_the_hash_never_the_password() {
            OutputUser user = service.create(proxy.id(), new CreateOutputUserCommand("alice", "secret1", null, 2));

            assertThat(user.passwordHash()).isEqualTo("hash:1terces");
            assertThat(service.list(proxy.id())).containsExactly(user);
        }

        @Test
        void refuses_a_proxy_that_does_not_exist() {
            assertThatThrownBy(() ->
                            service.create(ProxyId.random(), new CreateOutputUserCommand("alice", "secret1", null, 1)))
                    .isInstanceOf(NotFoundException.class);
        }

        @Test
        void refuses_a_username_that_cannot_travel_in_a_url() {
            assertThatThrownBy(() -> new CreateOutputUserCommand("al ice", "secret1", null, 1))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("username: 'al ice'");
        }

        @Test
        void refuses_a_password_with_a_slash() {
            assertThatThrownBy(() -> new CreateOutputUserCommand("alice", "se/cret", null, 1))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageStartingWith("password:")
                    .hasMessageNotContaining("se/cret");
        }
    }

    @Nested
    class Log_in {
        @Test
        void grants_the_right_password() {
            OutputUser user = service.create(proxy.id(), new CreateOutputUserCommand("alice", "secret1", null, 1));

            assertThat(service.logIn("alice", "secret1")).isEqualTo(new Login.Granted(user));
        }

        @Test
        void refuses_a_wrong_password_and_an_unknown_user_alike() {
            service.create(proxy.id(), new CreateOutputUserCommand("alice", "secret1", null, 1));

            assertThat(service.logIn("alice", "wrong")).isEqualTo(new Login.Refused());
            assertThat(service.logIn("bob", "secret1")).isEqualTo(new Login.Refused());
        }

        @Test
        void says_expired_once_the_expiry_has_passed() {
            OutputUser user = service.create(
                    proxy.id(), new CreateOutputUserCommand("alice", "secret1", T0.minus(Duration.ofDays(1)), 1));

            assertThat(service.logIn("alice", "secret1")).isEqualTo(new Login.Expired(user));
        }
    }

    @Test
    void delete_refuses_a_user_of_another_proxy() {
        OutputUser user = service.create(proxy.id(), new CreateOutputUserCommand("alice", "secret1", null, 1));

        assertThatThrownBy(() -> service.delete(ProxyId.random(), user.id())).isInstanceOf(NotFoundException.class);
        service.delete(proxy.id(), user.id());
        assertThat(service.list(proxy.id())).isEmpty();
    }

    /** Not a hash at all: enough to see that the service stores what the hasher made. */
    private static final class ReversingHasher implements PasswordHasher {
        @Override
        public String hash(String password) {
            return "hash:" + new StringBuilder(password).reverse();
        }

        @Override
        public boolean matches(String password, String hash) {
            return hash(password).equals(hash);
        }
    }

    private static final class InMemoryUsers implements OutputUserRepository {
        private final List<OutputUser> users = new ArrayList<>();

        @Override
        public void insert(OutputUser user) {
            if (findByUsername(user.username()).isPresent()) {
                throw new ConflictException("username '" + user.username() + "': taken");
            }
            users.add(user);
        }

        @Override
        public Optional<OutputUser> findByUsername(String username) {
            return users.stream().filter(u -> u.username().equals(username)).findFirst();
        }

        @Override
        public List<OutputUser> findByProxy(ProxyId proxy) {
            return users.stream()
                    .filter(u -> u.proxy().equals(proxy))
                    .sorted(Comparator.comparing(OutputUser::username))
                    .toList();
        }

        @Override
        public boolean update(OutputUser user) {
            for (int i = 0; i < users.size(); i++) {
                OutputUser u = users.get(i);
                if (u.id().equals(user.id()) && u.proxy().equals(user.proxy())) {
                    users.set(i, user);
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean delete(ProxyId proxy, OutputUserId id) {
            return users.removeIf(u -> u.proxy().equals(proxy) && u.id().equals(id));
        }
    }

    private record OneProxy(StreamProxy proxy) implements StreamProxyRepository {
        @Override
        public void insert(StreamProxy p) {}

        @Override
        public void update(StreamProxy p) {}

        @Override
        public boolean delete(ProxyId id) {
            return false;
        }

        @Override
        public Optional<StreamProxy> findById(ProxyId id) {
            return proxy.id().equals(id) ? Optional.of(proxy) : Optional.empty();
        }

        @Override
        public Optional<StreamProxy> findBySlug(String slug) {
            return Optional.empty();
        }

        @Override
        public List<StreamProxy> findAll() {
            return List.of(proxy);
        }

        @Override
        public List<StreamProxy> findUsingSource(io.tvarr.domain.source.SourceId source) {
            return List.of();
        }

        @Override
        public List<StreamProxy> findUsingGuide(io.tvarr.domain.epg.EpgSourceId guide) {
            return List.of();
        }
    }
}
