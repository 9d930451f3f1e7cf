package io.tvarr.domain.relay;

import java.io.InputStream;
import java.util.List;

/**
 * A running FFmpeg. The caller owns it and must close it; closing destroys the process and its
 * children.
 */
public interface TranscodeProcess extends AutoCloseable {
    /** FFmpeg's standard output (the MPEG-TS stream); owned by this process, not by the caller. */
    InputStream output();

    boolean isAlive();

    /** The last error lines FFmpeg wrote, newest last. */
    List<String> recentErrors();

    @Override
    void close();
}
