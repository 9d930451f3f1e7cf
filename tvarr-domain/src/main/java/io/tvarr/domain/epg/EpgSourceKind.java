package io.tvarr.domain.epg;

/** How a guide source is read. */
public enum EpgSourceKind {
    XMLTV,
    XTREAM
}
