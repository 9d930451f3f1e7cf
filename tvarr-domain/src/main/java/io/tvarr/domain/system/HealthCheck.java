package io.tvarr.domain.system;

/** Tells whether the stores tvarr needs are reachable and up to date. Must not throw; safe from any thread. */
@FunctionalInterface
public interface HealthCheck {
    Health check();
}
