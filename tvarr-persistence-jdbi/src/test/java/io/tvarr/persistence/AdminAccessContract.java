package io.tvarr.persistence;

import static io.tvarr.domain.TestData.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.ConflictException;
import io.tvarr.domain.Page;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.admin.AdminSession;
import io.tvarr.domain.admin.AdminUser;
import io.tvarr.domain.admin.AdminUserId;
import io.tvarr.domain.admin.ApiKey;
import io.tvarr.domain.admin.ApiKeyId;
import io.tvarr.domain.admin.ApiScope;
import io.tvarr.domain.admin.AuditEntry;
import io.tvarr.domain.admin.AuditEntryId;
import io.tvarr.domain.admin.port.out.AdminSessionRepository;
import io.tvarr.domain.admin.port.out.AdminUserRepository;
import io.tvarr.domain.admin.port.out.ApiKeyRepository;
import io.tvarr.domain.admin.port.out.AuditRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * How every database stores admin access: users, API keys, sessions and the audit trail. Subclasses only supply the
 * database. Apart from {@link PersistenceContract} so the admin tables have their own fresh database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AdminAccessContract {
    private static final List<String> TABLES = List.of("admin_session", "admin_user", "api_key", "audit_entry");
    private static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA";

    private TestDatabase database;
    private AdminUserRepository users;
    private ApiKeyRepository keys;
    private AdminSessionRepository sessions;
    private AuditRepository audit;
    JdbiPersistence store;

    abstract TestDatabase createDatabase();

    @BeforeAll
    void open_and_migrate() {
        database = createDatabase();
        store = database.persistence();
        store.migrate();
        users = store.adminUsers();
        keys = store.apiKeys();
        sessions = store.adminSessions();
        audit = store.audit();
    }

    @AfterAll
    void drop() {
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void empty_every_table() {
        store.database().withHandle(h -> {
            TABLES.forEach(table -> h.execute("DELETE FROM " + table));
            return null;
        });
    }

    static AdminUser user(String username) {
        return new AdminUser(AdminUserId.random(), username, HASH, T0, T0.plusSeconds(60));
    }

    AdminUser storedUser(String username) {
        AdminUser user = user(username);
        users.insert(user);
        return user;
    }

    static AdminSession session(AdminUser user, String digest, Instant expiresAt) {
        return new AdminSession(digest, user.id(), user.username(), "csrf-" + digest, T0, T0, expiresAt);
    }

    static ApiKey key(String name, Instant createdAt) {
        return new ApiKey(ApiKeyId.random(), name, ApiScope.READ, "d".repeat(64), "user:alice", createdAt, null);
    }

    static AuditEntry entry(Instant at, String action) {
        return new AuditEntry(AuditEntryId.random(), at, "user:alice", action, "proxy 42", "200", "192.0.2.7");
    }

    @Nested
    class Admin_users {
        @Test
        void stores_and_reads_back_every_field() {
            AdminUser alice = storedUser("Alice.Admin@home");

            assertThat(users.findById(alice.id())).contains(alice);
            assertThat(users.findByUsername("Alice.Admin@home")).contains(alice);
        }

        @Test
        void finds_a_username_without_case() {
            AdminUser alice = storedUser("Alice");

            assertThat(users.findByUsername("aLICE")).contains(alice);
            assertThat(users.findByUsername("alicia")).isEmpty();
        }

        @Test
        void a_username_differing_only_in_case_is_taken() {
            storedUser("alice");

            assertThatThrownBy(() -> users.insert(user("ALICE")))
                    .isInstanceOf(ConflictException.class)
                    .hasMessage("username: 'ALICE' is taken");
            assertThat(users.count()).isEqualTo(1);
        }

        @Test
        void renaming_to_a_taken_username_is_a_conflict() {
            storedUser("alice");
            AdminUser bob = storedUser("bob");
            AdminUser renamed =
                    new AdminUser(bob.id(), "Alice", bob.passwordHash(), bob.createdAt(), bob.passwordChangedAt());

            assertThatThrownBy(() -> users.update(renamed))
                    .isInstanceOf(ConflictException.class)
                    .hasMessage("username: 'Alice' is taken");
            assertThat(users.findById(bob.id())).contains(bob);
        }

        @Test
        void an_update_stores_the_new_password_hash() {
            AdminUser alice = storedUser("alice");
            AdminUser changed = alice.withPasswordHash("$argon2id$new", T0.plusSeconds(3600));

            assertThat(users.update(changed)).isTrue();

            assertThat(users.findById(alice.id())).contains(changed);
        }

        @Test
        void an_update_may_change_only_the_case_of_the_own_username() {
            AdminUser alice = storedUser("alice");
            AdminUser recased = new AdminUser(
                    alice.id(), "Alice", alice.passwordHash(), alice.createdAt(), alice.passwordChangedAt());

            assertThat(users.update(recased)).isTrue();

            assertThat(users.findByUsername("ALICE")).contains(recased);
        }

        @Test
        void updating_or_deleting_a_missing_user_says_so() {
            AdminUser ghost = user("ghost");

            assertThat(users.update(ghost)).isFalse();
            assertThat(users.delete(ghost.id())).isFalse();
            assertThat(users.findById(ghost.id())).isEmpty();
        }

        @Test
        void lists_every_user_by_username_and_counts_them() {
            AdminUser carol = storedUser("carol");
            AdminUser alice = storedUser("alice");
            AdminUser bob = storedUser("Bob");

            assertThat(users.findAll()).containsExactly(alice, bob, carol);
            assertThat(users.count()).isEqualTo(3);
        }

        @Test
        void deleting_a_user_deletes_only_that_user() {
            AdminUser alice = storedUser("alice");
            AdminUser bob = storedUser("bob");

            assertThat(users.delete(alice.id())).isTrue();

            assertThat(users.findAll()).containsExactly(bob);
            assertThat(users.findByUsername("alice")).isEmpty();
        }
    }

    @Nested
    class Sessions {
        @Test
        void stores_and_reads_back_every_field() {
            AdminUser alice = storedUser("alice");
            AdminSession session = new AdminSession(
                    "a".repeat(64), alice.id(), "alice", "csrf", T0, T0.plusSeconds(5), T0.plusSeconds(3600));

            sessions.insert(session);

            assertThat(sessions.findByTokenDigest("a".repeat(64))).contains(session);
            assertThat(sessions.findByTokenDigest("b".repeat(64))).isEmpty();
        }

        @Test
        void the_token_digest_is_compared_with_case() {
            sessions.insert(session(storedUser("alice"), "abc", T0.plusSeconds(60)));

            assertThat(sessions.findByTokenDigest("ABC")).isEmpty();
        }

        @Test
        void a_session_names_its_user_as_the_user_is_named_now() {
            AdminUser alice = storedUser("alice");
            sessions.insert(session(alice, "t1", T0.plusSeconds(60)));
            users.update(new AdminUser(alice.id(), "Alice", HASH, T0, T0));

            assertThat(sessions.findByTokenDigest("t1").orElseThrow().username())
                    .isEqualTo("Alice");
        }

        @Test
        void an_update_stores_the_last_seen_time_and_expiry() {
            AdminSession session = session(storedUser("alice"), "t1", T0.plusSeconds(60));
            sessions.insert(session);
            AdminSession seen = session.seenAt(T0.plusSeconds(30), T0.plusSeconds(90));

            sessions.update(seen);

            assertThat(sessions.findByTokenDigest("t1")).contains(seen);
        }

        @Test
        void a_deleted_session_is_gone() {
            AdminUser alice = storedUser("alice");
            sessions.insert(session(alice, "t1", T0.plusSeconds(60)));
            sessions.insert(session(alice, "t2", T0.plusSeconds(60)));

            sessions.delete("t1");

            assertThat(sessions.findByTokenDigest("t1")).isEmpty();
            assertThat(sessions.findByTokenDigest("t2")).isPresent();
        }

        @Test
        void deleting_a_user_ends_their_sessions() {
            AdminUser alice = storedUser("alice");
            AdminUser bob = storedUser("bob");
            sessions.insert(session(alice, "alice-1", T0.plusSeconds(60)));
            sessions.insert(session(bob, "bob-1", T0.plusSeconds(60)));

            users.delete(alice.id());

            assertThat(sessions.findByTokenDigest("alice-1")).isEmpty();
            assertThat(sessions.findByTokenDigest("bob-1")).isPresent();
        }

        @Test
        void ending_a_users_sessions_keeps_the_one_named() {
            AdminUser alice = storedUser("alice");
            AdminUser bob = storedUser("bob");
            sessions.insert(session(alice, "alice-1", T0.plusSeconds(60)));
            sessions.insert(session(alice, "alice-2", T0.plusSeconds(60)));
            sessions.insert(session(bob, "bob-1", T0.plusSeconds(60)));

            sessions.deleteByUser(alice.id(), "alice-2");

            assertThat(sessions.findByTokenDigest("alice-1")).isEmpty();
            assertThat(sessions.findByTokenDigest("alice-2")).isPresent();
            assertThat(sessions.findByTokenDigest("bob-1")).isPresent();
        }

        @Test
        void ending_a_users_sessions_without_keep_ends_them_all() {
            AdminUser alice = storedUser("alice");
            AdminUser bob = storedUser("bob");
            sessions.insert(session(alice, "alice-1", T0.plusSeconds(60)));
            sessions.insert(session(alice, "alice-2", T0.plusSeconds(60)));
            sessions.insert(session(bob, "bob-1", T0.plusSeconds(60)));

            sessions.deleteByUser(alice.id(), null);

            assertThat(sessions.findByTokenDigest("alice-1")).isEmpty();
            assertThat(sessions.findByTokenDigest("alice-2")).isEmpty();
            assertThat(sessions.findByTokenDigest("bob-1")).isPresent();
        }

        @Test
        void removes_sessions_expired_at_the_time_given_counting_them() {
            AdminUser alice = storedUser("alice");
            sessions.insert(session(alice, "past", T0.minusSeconds(1)));
            sessions.insert(session(alice, "now", T0));
            sessions.insert(session(alice, "later", T0.plusMillis(1)));

            assertThat(sessions.deleteExpired(T0)).isEqualTo(2);

            assertThat(sessions.findByTokenDigest("past")).isEmpty();
            assertThat(sessions.findByTokenDigest("now")).isEmpty();
            assertThat(sessions.findByTokenDigest("later")).isPresent();
        }
    }

    @Nested
    class Api_keys {
        @Test
        void stores_and_reads_back_every_field() {
            ApiKey key = new ApiKey(
                    ApiKeyId.random(),
                    "backup script",
                    ApiScope.ADMIN,
                    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                    "user:alice",
                    T0,
                    T0.plusSeconds(9));

            keys.insert(key);

            assertThat(keys.findById(key.id())).contains(key);
            assertThat(keys.findById(ApiKeyId.random())).isEmpty();
        }

        @Test
        void lists_every_key_newest_first() {
            ApiKey old = key("old", T0);
            ApiKey newest = key("newest", T0.plusSeconds(20));
            ApiKey middle = key("middle", T0.plusSeconds(10));
            keys.insert(old);
            keys.insert(newest);
            keys.insert(middle);

            assertThat(keys.findAll()).containsExactly(newest, middle, old);
        }

        @Test
        void marking_a_key_used_records_when() {
            ApiKey key = key("script", T0);
            ApiKey other = key("other", T0);
            keys.insert(key);
            keys.insert(other);

            keys.markUsed(key.id(), T0.plusSeconds(30));
            keys.markUsed(key.id(), T0.plusSeconds(45));

            assertThat(keys.findById(key.id()).orElseThrow().lastUsedAt()).isEqualTo(T0.plusSeconds(45));
            assertThat(keys.findById(other.id()).orElseThrow().lastUsedAt()).isNull();
        }

        @Test
        void marking_a_deleted_key_used_changes_nothing() {
            ApiKeyId gone = ApiKeyId.random();

            keys.markUsed(gone, T0);

            assertThat(keys.findById(gone)).isEmpty();
            assertThat(keys.findAll()).isEmpty();
        }

        @Test
        void deleting_a_key_says_whether_it_was_there() {
            ApiKey key = key("script", T0);
            keys.insert(key);

            assertThat(keys.delete(key.id())).isTrue();
            assertThat(keys.delete(key.id())).isFalse();
            assertThat(keys.findById(key.id())).isEmpty();
        }
    }

    @Nested
    class Audit_trail {
        @Test
        void stores_and_reads_back_every_field() {
            AuditEntry full = entry(T0, "PUT /api/v1/proxies/{id}");
            AuditEntry bare = new AuditEntry(
                    AuditEntryId.random(), T0.plusSeconds(1), "system:cli", "admin user added", "", "ok", null);
            audit.append(full);
            audit.append(bare);

            assertThat(audit.findPage(0, 10).items()).containsExactly(bare, full);
        }

        @Test
        void keeps_long_free_text() {
            AuditEntry entry = new AuditEntry(
                    AuditEntryId.random(), T0, "user:alice", "GET /" + "a".repeat(5000), "t".repeat(5000), "200", null);

            audit.append(entry);

            assertThat(audit.findPage(0, 1).items()).containsExactly(entry);
        }

        @Test
        void pages_newest_first_with_the_total() {
            for (int i = 0; i < 5; i++) {
                audit.append(entry(T0.plusSeconds(i), "action " + i));
            }

            Page<AuditEntry> second = audit.findPage(1, 2);

            assertThat(second.items()).extracting(AuditEntry::action).containsExactly("action 2", "action 1");
            assertThat(second.page()).isEqualTo(1);
            assertThat(second.size()).isEqualTo(2);
            assertThat(second.total()).isEqualTo(5);
            assertThat(audit.findPage(2, 2).items())
                    .extracting(AuditEntry::action)
                    .containsExactly("action 0");
            assertThat(audit.findPage(3, 2).items()).isEmpty();
        }

        @Test
        void a_negative_page_or_an_empty_size_is_refused() {
            assertThatThrownBy(() -> audit.findPage(-1, 10))
                    .isInstanceOf(ValidationException.class)
                    .hasMessage("page: -1 (expected: 0 or more)");
            assertThatThrownBy(() -> audit.findPage(0, 0))
                    .isInstanceOf(ValidationException.class)
                    .hasMessage("size: 0 (expected: 1 or more)");
        }

        @Test
        void removes_entries_older_than_the_cutoff_counting_them() {
            audit.append(entry(T0.minus(Duration.ofDays(100)), "ancient"));
            audit.append(entry(T0.minusMillis(1), "just before"));
            audit.append(entry(T0, "at the cutoff"));
            audit.append(entry(T0.plusSeconds(1), "after"));

            assertThat(audit.deleteOlderThan(T0)).isEqualTo(2);

            Page<AuditEntry> left = audit.findPage(0, 10);
            assertThat(left.items()).extracting(AuditEntry::action).containsExactly("after", "at the cutoff");
            assertThat(left.total()).isEqualTo(2);
        }
    }
}
