package io.tvarr.domain.source;

/** How a channel source is read. */
public enum SourceKind {
    M3U,
    XTREAM
}
