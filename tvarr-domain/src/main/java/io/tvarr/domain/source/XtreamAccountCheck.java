package io.tvarr.domain.source;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What testing an Xtream login found: the account, or the provider's refusal or failure in words (credentials
 * masked). A refused login is an expected answer here, not an error.
 */
public record XtreamAccountCheck(
        @Nullable XtreamAccount account, @Nullable String problem) {
    public XtreamAccountCheck {
        if ((account == null) == (problem == null)) {
            throw new IllegalArgumentException("exactly one of account and problem");
        }
    }

    public static XtreamAccountCheck of(XtreamAccount account) {
        return new XtreamAccountCheck(account, null);
    }

    public static XtreamAccountCheck failed(String problem) {
        return new XtreamAccountCheck(null, problem);
    }

    public Optional<XtreamAccount> found() {
        return Optional.ofNullable(account);
    }
}
