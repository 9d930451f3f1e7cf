package io.tvarr.domain.config.port.in;

import io.tvarr.domain.config.ConfigDocument;

/**
 * Every setting a user made, by name, as one document. Secrets (source and guide passwords, URLs holding
 * credentials, output tokens) appear only as {@code ${ENV_NAME}} references ({@link io.tvarr.domain.config.SecretNames});
 * output users' passwords as their stored hashes. Admin users and API keys are not part of it.
 */
public interface ExportConfigUseCase {
    /**
     * @throws io.tvarr.domain.ConflictException when two entities of a kind share a name, so a document could not
     *     tell them apart
     */
    ConfigDocument export();
}
