package io.tvarr.domain.system.port.in;

import io.tvarr.domain.system.Warning;
import java.util.List;

/** What needs a person's action now: empty guides, channels without guide, open circuit breakers, failed logos. */
public interface ListWarningsUseCase {
    /** The warnings, guides first, then proxies, then upstream hosts, then failed logos; empty when all is well. */
    List<Warning> warnings();
}
