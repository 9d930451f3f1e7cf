package io.tvarr.domain.job;

/** What a job does; its target is the id of the source, guide source or proxy. */
public enum JobKind {
    SOURCE_INGEST,
    EPG_INGEST,
    PROXY_GENERATE,
    LOGO_CLEANUP,
    HISTORY_CLEANUP,
    /** Checks a batch of a channel source's streams with ffprobe; the target is the source id. */
    HEALTH_CHECK
}
