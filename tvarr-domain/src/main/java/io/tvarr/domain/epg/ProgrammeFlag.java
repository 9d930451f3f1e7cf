package io.tvarr.domain.epg;

/** Boolean markers XMLTV puts on a programme. */
public enum ProgrammeFlag {
    NEW,
    LIVE,
    PREMIERE,
    PREVIOUSLY_SHOWN
}
