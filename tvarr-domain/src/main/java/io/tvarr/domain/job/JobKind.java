package io.tvarr.domain.job;

/** What a job does; its target is the id of the source, guide source or proxy. */
public enum JobKind {
    SOURCE_INGEST,
    EPG_INGEST,
    PROXY_GENERATE,
    LOGO_CLEANUP,
    HISTORY_CLEANUP
}
