package io.tvarr.domain.config.port.out;

import java.util.Optional;

/** The values of the {@code ${ENV_NAME}} references in a configuration document (the process environment). */
@FunctionalInterface
public interface SecretVariables {
    /** Empty when the variable is not set. Thread-safe. */
    Optional<String> lookup(String name);
}
