package io.tvarr.domain.admin.port.in;

/** Where first-start setup stands. */
public sealed interface SetupState {
    /** At least one admin user exists. */
    record Done() implements SetupState {}

    /** The first admin user was just made from the configured password. */
    record CreatedFromPassword(String username) implements SetupState {}

    /** No admin user yet: whoever opens the setup link with this token makes the first one. */
    record AwaitingSetup(String token) implements SetupState {
        @Override
        public String toString() {
            return "AwaitingSetup[token=***]";
        }
    }
}
