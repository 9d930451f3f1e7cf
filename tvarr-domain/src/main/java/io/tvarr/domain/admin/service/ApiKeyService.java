package io.tvarr.domain.admin.service;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.SecretTokens;
import io.tvarr.domain.admin.Actor;
import io.tvarr.domain.admin.ApiKey;
import io.tvarr.domain.admin.ApiKeyId;
import io.tvarr.domain.admin.IssuedApiKey;
import io.tvarr.domain.admin.port.in.AuditTrailUseCase;
import io.tvarr.domain.admin.port.in.AuthenticateApiKeyUseCase;
import io.tvarr.domain.admin.port.in.CreateApiKeyCommand;
import io.tvarr.domain.admin.port.in.ManageApiKeysUseCase;
import io.tvarr.domain.admin.port.out.ApiKeyRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API keys as {@code tvarr_<id>_<secret>}: the id finds the stored key in one lookup, the secret is compared by its
 * digest.
 */
public final class ApiKeyService implements ManageApiKeysUseCase, AuthenticateApiKeyUseCase {
    private static final Logger log = LoggerFactory.getLogger(ApiKeyService.class);
    private static final Pattern TOKEN = Pattern.compile("tvarr_([0-9a-f]{32})_([A-Za-z0-9_-]{43})");
    /** Last use is stored at most this often, so a busy script does not write on every call. */
    private static final Duration MARK_USED_EVERY = Duration.ofMinutes(1);

    private final ApiKeyRepository keys;
    private final SecretTokens tokens;
    private final AuditTrailUseCase audit;
    private final Clock clock;

    public ApiKeyService(ApiKeyRepository keys, SecretTokens tokens, AuditTrailUseCase audit, Clock clock) {
        this.keys = keys;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public IssuedApiKey create(CreateApiKeyCommand command, Actor actor) {
        ApiKeyId id = ApiKeyId.random();
        String secret = tokens.next();
        ApiKey key = new ApiKey(
                id, command.name(), command.scope(), SecretTokens.digest(secret), actor.label(), clock.instant(), null);
        keys.insert(key);
        audit.record(
                actor,
                "api key created",
                id + " " + key.name() + " (" + key.scope().wireName() + ")",
                "ok",
                null);
        log.info("api key created key_id={} scope={} by={}", id, key.scope().wireName(), actor.label());
        return new IssuedApiKey(key, "tvarr_" + id.value().toString().replace("-", "") + "_" + secret);
    }

    @Override
    public List<ApiKey> list() {
        return keys.findAll();
    }

    @Override
    public void revoke(ApiKeyId id, Actor actor) {
        ApiKey key = keys.findById(id).orElseThrow(() -> new NotFoundException("api key " + id + ": not found"));
        keys.delete(id);
        audit.record(actor, "api key revoked", id + " " + key.name(), "ok", null);
        log.info("api key revoked key_id={} by={}", id, actor.label());
    }

    @Override
    public Optional<Actor> authenticate(String token) {
        Matcher parts = TOKEN.matcher(token);
        if (!parts.matches()) {
            return Optional.empty();
        }
        String hex = parts.group(1);
        ApiKeyId id = new ApiKeyId(new UUID(
                Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16)));
        Optional<ApiKey> found = keys.findById(id);
        if (found.isEmpty() || !SecretTokens.same(found.get().secretDigest(), SecretTokens.digest(parts.group(2)))) {
            return Optional.empty();
        }
        ApiKey key = found.get();
        Instant now = clock.instant();
        if (key.lastUsedAt() == null || Duration.between(key.lastUsedAt(), now).compareTo(MARK_USED_EVERY) >= 0) {
            keys.markUsed(id, now);
        }
        return Optional.of(new Actor(Actor.Kind.API_KEY, key.name(), key.scope()));
    }
}
