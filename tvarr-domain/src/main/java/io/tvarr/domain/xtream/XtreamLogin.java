package io.tvarr.domain.xtream;

import io.tvarr.domain.account.OutputUser;

/** What an Xtream login comes to; refusals are values, since players try wrong passwords. */
public sealed interface XtreamLogin {
    /** The user may watch; {@code activeConnections} streams of theirs run now. */
    record Granted(OutputUser user, int activeConnections) implements XtreamLogin {}

    /** Right password, account run out. */
    record Expired(OutputUser user) implements XtreamLogin {}

    /** Unknown user or wrong password. */
    record Refused() implements XtreamLogin {}
}
