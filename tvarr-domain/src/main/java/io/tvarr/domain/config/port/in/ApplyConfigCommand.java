package io.tvarr.domain.config.port.in;

import io.tvarr.domain.Checks;
import io.tvarr.domain.config.ConfigDocument;

/**
 * Make the instance match {@code document}.
 *
 * @param prune also delete what the document does not name (and output users its proxies do not list)
 * @param dryRun only tell what would change
 */
public record ApplyConfigCommand(ConfigDocument document, boolean prune, boolean dryRun) {
    public ApplyConfigCommand {
        Checks.requireNonNull(document, "document");
    }
}
