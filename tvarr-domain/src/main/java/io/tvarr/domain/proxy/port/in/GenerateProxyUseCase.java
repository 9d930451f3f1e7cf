package io.tvarr.domain.proxy.port.in;

import io.tvarr.domain.proxy.GenerationReport;
import io.tvarr.domain.proxy.GenerationStatus;
import io.tvarr.domain.proxy.ProxyId;
import java.nio.file.Path;
import java.util.Optional;

/** Generates and publishes a proxy's playlist and guide, and says where the published files are. */
public interface GenerateProxyUseCase {
    /** Runs the whole pipeline now; the previous outputs stay published if it fails. */
    GenerationReport generate(ProxyId id);

    GenerationStatus status(ProxyId id);

    /** The published playlist, if the proxy was generated. */
    Optional<Path> playlist(ProxyId id);

    /** The published XMLTV guide, if the proxy was generated. */
    Optional<Path> guide(ProxyId id);

    /** Removes a deleted proxy's published outputs and status. */
    void discard(ProxyId id);
}
