package io.tvarr.persistence;

/** Whether the database answers and carries every migration; {@code detail} says why not. */
public record Readiness(boolean reachable, boolean migrated, String detail) {
    public boolean ready() {
        return reachable && migrated;
    }
}
