package io.tvarr.domain.output;

/** Who may read a proxy's outputs. */
public enum AccessMode {
    /** Anyone who reaches the server. */
    OPEN,
    /** Clients whose address lies in the proxy's allowed ranges (by default the private and local networks). */
    LAN,
    /** Whoever holds the proxy's token, in the URL path or as {@code ?token=}: players cannot send headers. */
    TOKEN
}
