package io.tvarr.domain;

import java.util.UUID;

/** Parses identifiers given by users, with a message naming the bad value. */
public final class Ids {
    private Ids() {}

    public static UUID parseUuid(String text, String what) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw new ValidationException(what + ": '" + text + "' (expected: a UUID)");
        }
    }
}
