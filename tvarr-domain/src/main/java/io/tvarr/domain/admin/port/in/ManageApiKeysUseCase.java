package io.tvarr.domain.admin.port.in;

import io.tvarr.domain.admin.Actor;
import io.tvarr.domain.admin.ApiKey;
import io.tvarr.domain.admin.ApiKeyId;
import io.tvarr.domain.admin.IssuedApiKey;
import java.util.List;

/** Makes, lists and revokes API keys. */
public interface ManageApiKeysUseCase {
    /** A new key; its full value is in the result and nowhere else. */
    IssuedApiKey create(CreateApiKeyCommand command, Actor actor);

    /** All keys, newest first, without their secrets. */
    List<ApiKey> list();

    /**
     * Revokes the key at once.
     *
     * @throws io.tvarr.domain.NotFoundException for an unknown key
     */
    void revoke(ApiKeyId id, Actor actor);
}
