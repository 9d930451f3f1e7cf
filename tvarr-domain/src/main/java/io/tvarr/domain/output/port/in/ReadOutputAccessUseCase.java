package io.tvarr.domain.output.port.in;

import io.tvarr.domain.output.OutputAccess;
import io.tvarr.domain.proxy.ProxyId;

/** A proxy's output access as it is now; what generation asks to write the URLs players open. Thread-safe. */
@FunctionalInterface
public interface ReadOutputAccessUseCase {
    /** The proxy's access; {@link OutputAccess#defaults} for a proxy whose access was never changed. */
    OutputAccess read(ProxyId proxy);
}
