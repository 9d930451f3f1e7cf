package io.tvarr.domain.system.port.in;

import io.tvarr.domain.system.Warning;
import java.util.List;

/** What needs a person's action now: empty guides, channels without guide, open circuit breakers. */
public interface ListWarningsUseCase {
    /** The warnings, guides first, then proxies, then upstream hosts; empty when all is well. */
    List<Warning> warnings();
}
