package io.tvarr.domain.epg.port.in;

import io.tvarr.domain.Checks;
import io.tvarr.domain.epg.EpgSourceKind;
import io.tvarr.domain.epg.RetentionWindow;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/** What a user gives to create or change a guide source; masked url/password keep the stored ones on update. */
public record SaveEpgSourceCommand(
        String name,
        EpgSourceKind kind,
        String url,
        @Nullable String username,
        @Nullable String password,
        @Nullable String userAgent,
        boolean enabled,
        @Nullable String schedule,
        int timeShiftMinutes,
        ZoneId zone,
        RetentionWindow retention) {
    public SaveEpgSourceCommand {
        name = Checks.requireText(name, "name");
        Checks.requireNonNull(kind, "kind");
        url = Checks.requireText(url, "url");
        username = Checks.blankToNull(username);
        Checks.requireNonNull(zone, "zone");
        Checks.requireNonNull(retention, "retention");
    }
}
