package io.tvarr.domain.account.port.in;

import io.tvarr.domain.account.OutputUser;

/** What a login attempt comes to; a refusal is a value, since wrong passwords are expected. */
public sealed interface Login {
    /** The user may watch. */
    record Granted(OutputUser user) implements Login {}

    /** Right password, but the account has run out: players show it as expired. */
    record Expired(OutputUser user) implements Login {}

    /** Unknown username or wrong password; which one is not told. */
    record Refused() implements Login {}
}
