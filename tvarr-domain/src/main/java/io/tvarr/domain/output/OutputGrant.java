package io.tvarr.domain.output;

import io.tvarr.domain.proxy.ProxyId;

/** The answer to a player asking for a proxy's output; refusals are values, since players guess and roam. */
public sealed interface OutputGrant {
    /** The client may read the proxy's outputs. */
    record Granted(ProxyId proxy) implements OutputGrant {}

    /**
     * The client may not.
     *
     * @param detail what to tell the client; never names a token, and for {@link Refusal#UNKNOWN} says nothing a
     *     wrong guess would not also hear
     */
    record Refused(Refusal reason, String detail) implements OutputGrant {}

    /** Why a request was refused; adapters map each to their own answer. */
    enum Refusal {
        /** No such proxy, or a token proxy named without its token: the same answer, so ids are not confirmed. */
        UNKNOWN,
        /** A token proxy named with a wrong {@code ?token=}. */
        WRONG_TOKEN,
        /** A LAN proxy asked from an address outside its allowed ranges. */
        OUTSIDE_RANGES
    }
}
