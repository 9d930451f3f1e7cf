package io.tvarr.domain.config.port.in;

import io.tvarr.domain.config.ConfigChanges;

/**
 * Makes the instance match a configuration document: creates what is missing, updates what differs and, when
 * asked, deletes what the document does not name. The whole document is checked before anything changes: an
 * unknown reference, an unset {@code ${ENV_NAME}} or an invalid value is a
 * {@link io.tvarr.domain.ValidationException} naming its place ({@code proxies[2].sources[0]: no source named "X"})
 * and nothing is changed. Applying the same document twice changes nothing the second time.
 */
public interface ApplyConfigUseCase {
    ConfigChanges apply(ApplyConfigCommand command);
}
