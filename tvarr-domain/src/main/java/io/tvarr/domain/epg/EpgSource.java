package io.tvarr.domain.epg;

import io.tvarr.domain.Checks;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.source.Credentials;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * A programme guide source: an XMLTV file/URL or an Xtream account's guide.
 *
 * @param timeShiftMinutes added to every programme time (-1440..1440)
 * @param zone zone for guide times written without an offset
 */
public record EpgSource(
        EpgSourceId id,
        String name,
        EpgSourceKind kind,
        URI url,
        @Nullable Credentials credentials,
        @Nullable String userAgent,
        boolean enabled,
        @Nullable String schedule,
        int timeShiftMinutes,
        ZoneId zone,
        RetentionWindow retention,
        Instant createdAt,
        Instant updatedAt) {

    public EpgSource {
        Checks.requireNonNull(id, "id");
        name = Checks.requireText(name, "name");
        Checks.requireNonNull(kind, "kind");
        Checks.requireNonNull(url, "url");
        userAgent = Checks.blankToNull(userAgent);
        schedule = Checks.blankToNull(schedule);
        Checks.requireRange(timeShiftMinutes, -1440, 1440, "time_shift_minutes");
        Checks.requireNonNull(zone, "zone");
        Checks.requireNonNull(retention, "retention");
        if (kind == EpgSourceKind.XTREAM && credentials == null) {
            throw new ValidationException("credentials: required for an xtream guide source");
        }
    }

    /**
     * Whether the guide is a file on this machine ({@code file:} URL): reading it cannot stall on a network, so it may
     * be read while a write transaction is open.
     */
    public boolean isLocalFile() {
        return kind == EpgSourceKind.XMLTV && "file".equalsIgnoreCase(url.getScheme());
    }

    /** The same source with new settings, keeping identity and creation time. */
    public EpgSource withSettings(EpgSource settings, Instant now) {
        return new EpgSource(
                id,
                settings.name,
                settings.kind,
                settings.url,
                settings.credentials,
                settings.userAgent,
                settings.enabled,
                settings.schedule,
                settings.timeShiftMinutes,
                settings.zone,
                settings.retention,
                createdAt,
                now);
    }
}
