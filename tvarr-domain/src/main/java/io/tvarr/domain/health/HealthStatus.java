package io.tvarr.domain.health;

/** What the last check of a channel's stream found. */
public enum HealthStatus {
    /** ffprobe read the stream and found audio or video in it. */
    WORKING,
    /** ffprobe could not read the stream, or found nothing playable in it; the reason says which. */
    BROKEN,
    /** Never checked. */
    UNKNOWN
}
