package io.tvarr.domain.backup.port.in;

import io.tvarr.domain.backup.BackupSummary;
import java.io.OutputStream;

/** Writes the whole store and the logo cache as one archive while tvarr runs. */
public interface BackUpStoreUseCase {
    /** Writes the archive to {@code out}, leaving it open. */
    BackupSummary backUp(OutputStream out);
}
