package io.tvarr.relay.session;

import io.tvarr.domain.relay.StreamPlan;
import java.io.InputStream;

/** Opens the byte stream a session fans out: the upstream itself, or FFmpeg's output. */
public interface UpstreamOpener {
    /** The stream; closing it releases everything behind it (connection, process). */
    InputStream open(StreamPlan plan) throws InterruptedException;
}
