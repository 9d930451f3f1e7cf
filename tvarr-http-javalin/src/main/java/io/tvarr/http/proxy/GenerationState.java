package io.tvarr.http.proxy;

import io.tvarr.domain.proxy.GenerationStatus;

/** Where a proxy's generation stands, as the API names it. */
enum GenerationState {
    RUNNING,
    FAILED,
    SUCCEEDED,
    NEVER_GENERATED;

    static GenerationState of(GenerationStatus status) {
        if (status.running()) {
            return RUNNING;
        }
        if (status.lastError() != null) {
            return FAILED;
        }
        return status.lastReport() != null ? SUCCEEDED : NEVER_GENERATED;
    }
}
