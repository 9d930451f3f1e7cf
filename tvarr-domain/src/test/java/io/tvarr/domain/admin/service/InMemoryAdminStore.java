package io.tvarr.domain.admin.service;

import io.tvarr.domain.ConflictException;
import io.tvarr.domain.Page;
import io.tvarr.domain.admin.AdminSession;
import io.tvarr.domain.admin.AdminUser;
import io.tvarr.domain.admin.AdminUserId;
import io.tvarr.domain.admin.ApiKey;
import io.tvarr.domain.admin.ApiKeyId;
import io.tvarr.domain.admin.AuditEntry;
import io.tvarr.domain.admin.port.out.AdminSessionRepository;
import io.tvarr.domain.admin.port.out.AdminUserRepository;
import io.tvarr.domain.admin.port.out.ApiKeyRepository;
import io.tvarr.domain.admin.port.out.AuditRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The admin repositories in memory, for service tests; the JDBI ones pass the same contract on real databases. */
final class InMemoryAdminStore {
    final Map<AdminUserId, AdminUser> users = new LinkedHashMap<>();
    final Map<String, AdminSession> sessions = new LinkedHashMap<>();
    final Map<ApiKeyId, ApiKey> keys = new LinkedHashMap<>();
    final List<AuditEntry> audit = new ArrayList<>();

    AdminUserRepository users() {
        return new AdminUserRepository() {
            @Override
            public void insert(AdminUser user) {
                if (findByUsername(user.username()).isPresent()) {
                    throw new ConflictException("username: '" + user.username() + "' is taken");
                }
                users.put(user.id(), user);
            }

            @Override
            public Optional<AdminUser> findByUsername(String username) {
                return users.values().stream()
                        .filter(u -> u.username().toLowerCase(Locale.ROOT).equals(username.toLowerCase(Locale.ROOT)))
                        .findFirst();
            }

            @Override
            public Optional<AdminUser> findById(AdminUserId id) {
                return Optional.ofNullable(users.get(id));
            }

            @Override
            public boolean update(AdminUser user) {
                return users.replace(user.id(), user) != null;
            }

            @Override
            public boolean delete(AdminUserId id) {
                sessions.values().removeIf(s -> s.user().equals(id));
                return users.remove(id) != null;
            }

            @Override
            public List<AdminUser> findAll() {
                return users.values().stream()
                        .sorted(Comparator.comparing(AdminUser::username))
                        .toList();
            }

            @Override
            public long count() {
                return users.size();
            }
        };
    }

    AdminSessionRepository sessions() {
        return new AdminSessionRepository() {
            @Override
            public void insert(AdminSession session) {
                sessions.put(session.tokenDigest(), session);
            }

            @Override
            public Optional<AdminSession> findByTokenDigest(String tokenDigest) {
                return Optional.ofNullable(sessions.get(tokenDigest));
            }

            @Override
            public void update(AdminSession session) {
                sessions.replace(session.tokenDigest(), session);
            }

            @Override
            public void delete(String tokenDigest) {
                sessions.remove(tokenDigest);
            }

            @Override
            public void deleteByUser(AdminUserId user, String keep) {
                sessions.values()
                        .removeIf(s -> s.user().equals(user) && !s.tokenDigest().equals(keep));
            }

            @Override
            public int deleteExpired(Instant now) {
                int before = sessions.size();
                sessions.values().removeIf(s -> s.expiredAt(now));
                return before - sessions.size();
            }
        };
    }

    ApiKeyRepository keys() {
        return new ApiKeyRepository() {
            @Override
            public void insert(ApiKey key) {
                keys.put(key.id(), key);
            }

            @Override
            public Optional<ApiKey> findById(ApiKeyId id) {
                return Optional.ofNullable(keys.get(id));
            }

            @Override
            public List<ApiKey> findAll() {
                return keys.values().stream()
                        .sorted(Comparator.comparing(ApiKey::createdAt).reversed())
                        .toList();
            }

            @Override
            public void markUsed(ApiKeyId id, Instant at) {
                keys.computeIfPresent(
                        id,
                        (k, key) -> new ApiKey(
                                key.id(),
                                key.name(),
                                key.scope(),
                                key.secretDigest(),
                                key.createdBy(),
                                key.createdAt(),
                                at));
            }

            @Override
            public boolean delete(ApiKeyId id) {
                return keys.remove(id) != null;
            }
        };
    }

    AuditRepository audit() {
        return new AuditRepository() {
            @Override
            public void append(AuditEntry entry) {
                audit.add(entry);
            }

            @Override
            public Page<AuditEntry> findPage(int page, int size) {
                List<AuditEntry> newest = new ArrayList<>(audit);
                java.util.Collections.reverse(newest);
                return new Page<>(
                        newest.stream().skip((long) page * size).limit(size).toList(), page, size, newest.size());
            }

            @Override
            public int deleteOlderThan(Instant cutoff) {
                int before = audit.size();
                audit.removeIf(e -> e.at().isBefore(cutoff));
                return before - audit.size();
            }
        };
    }
}
