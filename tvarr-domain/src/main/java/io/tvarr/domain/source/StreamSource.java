package io.tvarr.domain.source;

import io.tvarr.domain.Checks;
import io.tvarr.domain.ValidationException;
import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A channel source: an M3U playlist or an Xtream Codes account.
 *
 * @param maxConcurrentStreams provider connection limit; 0 means unknown/unlimited
 * @param schedule cron expression for refreshes; null uses the default schedule
 * @param includeVod whether an Xtream source's movies are ingested (as VOD, apart from the channels)
 * @param includeSeries whether an Xtream source's series and their episodes are ingested (as VOD)
 */
public record StreamSource(
        SourceId id,
        String name,
        SourceKind kind,
        URI url,
        @Nullable Credentials credentials,
        @Nullable String userAgent,
        boolean enabled,
        @Nullable String schedule,
        int maxConcurrentStreams,
        XtreamOutput xtreamOutput,
        boolean includeVod,
        boolean includeSeries,
        Instant createdAt,
        Instant updatedAt) {

    public StreamSource {
        Checks.requireNonNull(id, "id");
        name = Checks.requireText(name, "name");
        Checks.requireNonNull(kind, "kind");
        Checks.requireNonNull(url, "url");
        userAgent = Checks.blankToNull(userAgent);
        schedule = Checks.blankToNull(schedule);
        Checks.requireRange(maxConcurrentStreams, 0, 10_000, "max_concurrent_streams");
        Checks.requireNonNull(xtreamOutput, "xtream_output");
        if (kind == SourceKind.XTREAM && credentials == null) {
            throw new ValidationException("credentials: required for an xtream source");
        }
    }

    /**
     * Whether the source is a file on this machine ({@code file:} URL): reading it is as fast as reading back a spool
     * of it, and takes nothing from a remote server while it is read.
     */
    public boolean isLocalFile() {
        return "file".equalsIgnoreCase(url.getScheme());
    }

    /** The same source with new settings, keeping identity and creation time. */
    public StreamSource withSettings(StreamSource settings, Instant now) {
        return new StreamSource(
                id,
                settings.name,
                settings.kind,
                settings.url,
                settings.credentials,
                settings.userAgent,
                settings.enabled,
                settings.schedule,
                settings.maxConcurrentStreams,
                settings.xtreamOutput,
                settings.includeVod,
                settings.includeSeries,
                createdAt,
                now);
    }
}
