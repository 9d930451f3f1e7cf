package io.tvarr.domain.config;

import io.tvarr.domain.Checks;
import io.tvarr.domain.epg.EpgSourceKind;
import io.tvarr.domain.epg.RetentionWindow;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/** A guide source by name; {@code url} and {@code password} may hold {@code ${ENV_NAME}} references. */
public record GuideConfig(
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
    public GuideConfig {
        name = Checks.requireText(name, "name");
        Checks.requireNonNull(kind, "kind");
        url = Checks.requireText(url, "url");
        username = Checks.blankToNull(username);
        password = username == null ? null : (password == null ? "" : password);
        userAgent = Checks.blankToNull(userAgent);
        schedule = Checks.blankToNull(schedule);
        Checks.requireNonNull(zone, "zone");
        Checks.requireNonNull(retention, "retention");
    }

    /** Without the password, should one reach a log line. */
    @Override
    public String toString() {
        return "GuideConfig[name=" + name + ", kind=" + kind + "]";
    }
}
