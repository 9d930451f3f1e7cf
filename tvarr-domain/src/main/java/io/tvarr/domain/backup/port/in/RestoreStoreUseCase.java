package io.tvarr.domain.backup.port.in;

import io.tvarr.domain.backup.BackupSummary;
import java.io.InputStream;

/** Makes the store and the logo cache hold what an archive holds. */
public interface RestoreStoreUseCase {
    /**
     * Replaces every stored row with the archive's.
     *
     * @throws io.tvarr.domain.ValidationException when the archive is not a tvarr backup, is damaged or truncated, or
     *     was made by a newer tvarr (a newer schema); the store is then left as it was
     */
    BackupSummary restore(InputStream archive);
}
