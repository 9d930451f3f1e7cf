package io.tvarr.domain.system;

import io.tvarr.domain.Checks;

/**
 * Something a person should act on, as the dashboard lists it.
 *
 * @param subject the id of what it is about (a guide, a proxy, an upstream host)
 * @param name how people know the subject
 * @param detail what is wrong and what to look at, in plain words
 */
public record Warning(WarningKind kind, String subject, String name, String detail) {
    public Warning {
        Checks.requireNonNull(kind, "kind");
        subject = Checks.requireText(subject, "subject");
        name = Checks.requireText(name, "name");
        detail = Checks.requireText(detail, "detail");
    }
}
