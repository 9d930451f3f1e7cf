package io.tvarr.domain.xtream;

import io.tvarr.domain.relay.port.in.Playback;

/** The answer to a player asking for a stream through the Xtream door. */
public sealed interface XtreamPlay {
    /** The channel plays; a {@link Playback.Stream} takes one of the user's connections while it transfers. */
    record Playing(Playback playback) implements XtreamPlay {}

    /** Unknown user or wrong password. */
    record Refused() implements XtreamPlay {}

    /** Right password, account run out. */
    record Expired() implements XtreamPlay {}

    /** The proxy's outputs answer only some networks, and the client's address is in none of them. */
    record OutsideRanges(String detail) implements XtreamPlay {}

    /** The user already watches {@code max} streams. */
    record LimitReached(String username, int max) implements XtreamPlay {}
}
