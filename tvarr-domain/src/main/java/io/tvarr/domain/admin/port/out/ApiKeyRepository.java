package io.tvarr.domain.admin.port.out;

import io.tvarr.domain.admin.ApiKey;
import io.tvarr.domain.admin.ApiKeyId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores API keys (their digests, never the secrets). */
public interface ApiKeyRepository {
    void insert(ApiKey key);

    Optional<ApiKey> findById(ApiKeyId id);

    /** All keys, newest first. */
    List<ApiKey> findAll();

    /** Records the key's last use. */
    void markUsed(ApiKeyId id, Instant at);

    /** Whether the key was there to delete. */
    boolean delete(ApiKeyId id);
}
