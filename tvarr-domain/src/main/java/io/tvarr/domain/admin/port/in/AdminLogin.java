package io.tvarr.domain.admin.port.in;

import io.tvarr.domain.admin.OpenedSession;
import java.time.Duration;

/** What a login attempt comes to; refusals are values, since wrong passwords are expected. */
public sealed interface AdminLogin {
    record Granted(OpenedSession session) implements AdminLogin {}

    /** Unknown username or wrong password; which one is not told. */
    record Refused() implements AdminLogin {}

    /** Too many failures lately for this username or address; not even checked. */
    record Throttled(Duration retryAfter) implements AdminLogin {}
}
