package io.tvarr.domain.admin.service;

import static io.tvarr.domain.TestData.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.ConflictException;
import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.SecretTokens;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.account.port.out.PasswordHasher;
import io.tvarr.domain.admin.Actor;
import io.tvarr.domain.admin.AdminSettings;
import io.tvarr.domain.admin.ApiScope;
import io.tvarr.domain.admin.AuditEntry;
import io.tvarr.domain.admin.IssuedApiKey;
import io.tvarr.domain.admin.port.in.AdminLogin;
import io.tvarr.domain.admin.port.in.CreateApiKeyCommand;
import io.tvarr.domain.admin.port.in.LoginAttempt;
import io.tvarr.domain.admin.port.in.SetupState;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AdminAccessTest {
    private final MovableClock clock = new MovableClock();
    private final InMemoryAdminStore store = new InMemoryAdminStore();
    private final CountingHasher hasher = new CountingHasher();
    private final SecretTokens tokens = new SecretTokens(new SecureRandom());
    private final AdminSettings settings = AdminSettings.DEFAULT;
    private final AuditTrail audit = new AuditTrail(store.audit(), clock, settings);
    private final AdminUserService users = new AdminUserService(store.users(), store.sessions(), hasher, audit, clock);
    private final AdminLoginService logins = new AdminLoginService(
            store.users(),
            store.sessions(),
            hasher,
            new LoginThrottle(clock, settings),
            tokens,
            audit,
            settings,
            clock);
    private final ApiKeyService keys = new ApiKeyService(store.keys(), tokens, audit, clock);
    private final FirstAdminSetup setup = new FirstAdminSetup(users, tokens);
    private final Actor cli = Actor.system("cli");

    private AdminLogin logIn(String username, String password) {
        return logins.logIn(new LoginAttempt(username, password, "192.0.2.1"));
    }

    private String sessionToken(String username, String password) {
        return ((AdminLogin.Granted) logIn(username, password)).session().token();
    }

    @Nested
    class Users {
        @Test
        void keeps_only_a_hash_of_the_password() {
            users.add("alice", "correct horse", cli);

            assertThat(store.users.values())
                    .singleElement()
                    .satisfies(u -> assertThat(u.passwordHash()).isEqualTo("hash:esroh tcerroc"));
        }

        @Test
        void refuses_a_short_password_and_a_taken_name_in_any_case() {
            users.add("alice", "correct horse", cli);

            assertThatThrownBy(() -> users.add("bob", "short", cli))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("password: 5 characters (expected: 8-256)");
            assertThatThrownBy(() -> users.add("ALICE", "correct horse", cli))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("'ALICE' is taken");
        }

        @Test
        void never_removes_the_last_admin() {
            users.add("alice", "correct horse", cli);

            assertThatThrownBy(() -> users.remove("alice", cli))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("last admin user");
            users.add("bob", "battery staple", cli);
            users.remove("alice", cli);
            assertThat(users.list()).extracting(u -> u.username()).containsExactly("bob");
        }

        @Test
        void a_new_password_ends_every_session_made_with_the_old_one() {
            users.add("alice", "correct horse", cli);
            String token = sessionToken("alice", "correct horse");

            users.changePassword("alice", "battery staple", cli);

            assertThat(logins.resume(token)).isEmpty();
            assertThat(logIn("alice", "correct horse")).isInstanceOf(AdminLogin.Refused.class);
            assertThat(logIn("alice", "battery staple")).isInstanceOf(AdminLogin.Granted.class);
        }

        @Test
        void every_change_is_in_the_audit_trail_with_its_actor() {
            users.add("alice", "correct horse", cli);
            users.changePassword("alice", "battery staple", Actor.user("alice"));

            assertThat(audit.list(0, 10).items())
                    .extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::target)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("user:alice", "admin password changed", "alice"),
                            org.assertj.core.groups.Tuple.tuple("system:cli", "admin user added", "alice"));
        }
    }

    @Nested
    class Sessions {
        @Test
        void a_right_password_opens_a_session_whose_token_is_stored_only_as_a_digest() {
            users.add("alice", "correct horse", cli);

            String token = sessionToken("alice", "correct horse");

            assertThat(store.sessions.keySet()).containsExactly(SecretTokens.digest(token));
            assertThat(logins.resume(token))
                    .hasValueSatisfying(s -> assertThat(s.username()).isEqualTo("alice"));
        }

        @Test
        void an_unknown_name_and_a_wrong_password_are_refused_alike_and_both_cost_a_hash_check() {
            users.add("alice", "correct horse", cli);
            int before = hasher.checks.get();

            assertThat(logIn("mallory", "correct horse")).isEqualTo(new AdminLogin.Refused());
            assertThat(logIn("alice", "wrong password")).isEqualTo(new AdminLogin.Refused());
            assertThat(hasher.checks.get() - before).isEqualTo(2);
        }

        @Test
        void a_session_unused_for_the_idle_time_ends() {
            users.add("alice", "correct horse", cli);
            String token = sessionToken("alice", "correct horse");

            clock.advance(settings.sessionIdle().minusMinutes(1));
            assertThat(logins.resume(token)).isPresent();
            clock.advance(settings.sessionIdle().minusMinutes(1));
            assertThat(logins.resume(token)).isPresent();
            clock.advance(settings.sessionIdle());
            assertThat(logins.resume(token)).isEmpty();
        }

        @Test
        void no_session_outlives_its_lifetime_however_often_it_is_used() {
            users.add("alice", "correct horse", cli);
            String token = sessionToken("alice", "correct horse");

            for (Duration used = Duration.ZERO;
                    used.compareTo(settings.sessionLifetime().minusDays(1)) < 0;
                    used = used.plusDays(1)) {
                clock.advance(Duration.ofDays(1));
                assertThat(logins.resume(token)).as("day %s", used.toDays()).isPresent();
            }
            clock.advance(Duration.ofDays(1));
            assertThat(logins.resume(token)).isEmpty();
        }

        @Test
        void logging_out_ends_the_session() {
            users.add("alice", "correct horse", cli);
            String token = sessionToken("alice", "correct horse");

            logins.logOut(token);

            assertThat(logins.resume(token)).isEmpty();
            assertThat(logins.resume("not a token at all")).isEmpty();
        }
    }

    @Nested
    class Throttling {
        @Test
        void holds_off_a_username_after_repeated_failures_without_checking_even_the_right_password() {
            users.add("alice", "correct horse", cli);
            for (int i = 0; i < settings.failuresPerUser(); i++) {
                logins.logIn(new LoginAttempt("alice", "guess " + i, "198.51.100." + i));
            }
            int checks = hasher.checks.get();

            AdminLogin held = logIn("alice", "correct horse");

            assertThat(held).isInstanceOf(AdminLogin.Throttled.class);
            assertThat(((AdminLogin.Throttled) held).retryAfter())
                    .isPositive()
                    .isLessThanOrEqualTo(Duration.ofMinutes(15));
            assertThat(hasher.checks.get()).isEqualTo(checks);
            clock.advance(settings.throttleWindow());
            assertThat(logIn("alice", "correct horse")).isInstanceOf(AdminLogin.Granted.class);
        }

        @Test
        void holds_off_an_address_trying_many_names() {
            users.add("alice", "correct horse", cli);
            for (int i = 0; i < settings.failuresPerAddress(); i++) {
                logins.logIn(new LoginAttempt("user" + i, "guess", "203.0.113.7"));
            }

            assertThat(logins.logIn(new LoginAttempt("alice", "correct horse", "203.0.113.7")))
                    .isInstanceOf(AdminLogin.Throttled.class);
            assertThat(logins.logIn(new LoginAttempt("alice", "correct horse", "203.0.113.8")))
                    .isInstanceOf(AdminLogin.Granted.class);
        }
    }

    @Nested
    class ApiKeys {
        @Test
        void a_key_is_shown_once_and_stored_as_a_digest() {
            IssuedApiKey issued = keys.create(new CreateApiKeyCommand("backup script", ApiScope.READ), cli);

            assertThat(issued.token()).startsWith("tvarr_");
            assertThat(store.keys.values()).singleElement().satisfies(k -> {
                assertThat(k.secretDigest()).doesNotContain(issued.token().substring(39));
                assertThat(k.createdBy()).isEqualTo("system:cli");
            });
            assertThat(keys.authenticate(issued.token()))
                    .hasValue(new Actor(Actor.Kind.API_KEY, "backup script", ApiScope.READ));
        }

        @Test
        void a_wrong_secret_a_malformed_key_and_a_revoked_key_authenticate_nobody() {
            IssuedApiKey issued = keys.create(new CreateApiKeyCommand("backup script", ApiScope.ADMIN), cli);
            String tampered = issued.token().substring(0, issued.token().length() - 1)
                    + (issued.token().endsWith("A") ? "B" : "A");

            assertThat(keys.authenticate(tampered)).isEmpty();
            assertThat(keys.authenticate("tvarr_nothex_x")).isEmpty();
            keys.revoke(issued.key().id(), cli);
            assertThat(keys.authenticate(issued.token())).isEmpty();
            assertThatThrownBy(() -> keys.revoke(issued.key().id(), cli)).isInstanceOf(NotFoundException.class);
        }

        @Test
        void read_scope_permits_reading_only() {
            assertThat(ApiScope.READ.permits(ApiScope.READ)).isTrue();
            assertThat(ApiScope.READ.permits(ApiScope.ADMIN)).isFalse();
            assertThat(ApiScope.ADMIN.permits(ApiScope.ADMIN)).isTrue();
        }

        @Test
        void records_when_a_key_was_last_used() {
            IssuedApiKey issued = keys.create(new CreateApiKeyCommand("backup script", ApiScope.READ), cli);
            clock.advance(Duration.ofHours(1));

            keys.authenticate(issued.token());

            assertThat(keys.list())
                    .singleElement()
                    .satisfies(k -> assertThat(k.lastUsedAt()).isEqualTo(clock.instant()));
        }
    }

    @Nested
    class FirstStart {
        @Test
        void a_configured_password_makes_the_first_admin() {
            assertThat(setup.start("admin", "correct horse")).isEqualTo(new SetupState.CreatedFromPassword("admin"));
            assertThat(setup.start("admin", "correct horse")).isEqualTo(new SetupState.Done());
            assertThat(setup.awaitingSetup()).isFalse();
        }

        @Test
        void instances_starting_together_on_one_database_make_the_admin_once_and_all_start() {
            // the other instance's insert lands while this one hashes the password, after both saw no user
            PasswordHasher racing = new PasswordHasher() {
                private boolean raced;

                @Override
                public String hash(String password) {
                    if (!raced) {
                        raced = true;
                        users.add("admin", "the other instance's", Actor.system("setup"));
                    }
                    return hasher.hash(password);
                }

                @Override
                public boolean matches(String password, String hash) {
                    return hasher.matches(password, hash);
                }
            };
            FirstAdminSetup meanwhile = new FirstAdminSetup(
                    new AdminUserService(store.users(), store.sessions(), racing, audit, clock), tokens);

            assertThat(meanwhile.start("admin", "correct horse")).isEqualTo(new SetupState.Done());
            assertThat(meanwhile.awaitingSetup()).isFalse();
            assertThat(users.list()).extracting(u -> u.username()).containsExactly("admin");
        }

        @Test
        void without_a_password_a_one_time_link_makes_the_first_admin_once() {
            SetupState.AwaitingSetup state = (SetupState.AwaitingSetup) setup.start("admin", null);

            assertThatThrownBy(() -> setup.complete("wrong", "alice", "correct horse"))
                    .isInstanceOf(NotFoundException.class);
            setup.complete(state.token(), "alice", "correct horse");
            assertThat(users.list()).extracting(u -> u.username()).containsExactly("alice");
            assertThatThrownBy(() -> setup.complete(state.token(), "mallory", "correct horse"))
                    .isInstanceOf(NotFoundException.class);
            assertThat(state.toString()).doesNotContain(state.token());
        }
    }

    /** Reverses the password: visibly not the password, and counts checks so timing parity can be asserted. */
    static final class CountingHasher implements PasswordHasher {
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public String hash(String password) {
            return "hash:" + new StringBuilder(password).reverse();
        }

        @Override
        public boolean matches(String password, String hash) {
            checks.incrementAndGet();
            return hash.equals(hash(password));
        }
    }

    static final class MovableClock extends Clock {
        private Instant now = T0;

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
