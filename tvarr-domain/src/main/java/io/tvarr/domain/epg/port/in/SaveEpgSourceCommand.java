package io.tvarr.domain.epg.port.in;

import io.tvarr.domain.Checks;
import io.tvarr.domain.Redaction;
import io.tvarr.domain.epg.EpgSourceKind;
import io.tvarr.domain.epg.RetentionWindow;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
        Checks.requireMaxLength(name, Checks.MAX_NAME_LENGTH, "name");
        Checks.requireNonNull(kind, "kind");
        url = Checks.requireText(url, "url");
        Checks.requireMaxLength(url, Checks.MAX_URL_LENGTH, "url");
        username = Checks.blankToNull(username);
        // sent as a request header: a line break would smuggle in headers of its own
        Checks.requireOneLine(userAgent, "user_agent");
        Checks.requireMaxLength(userAgent, Checks.MAX_USER_AGENT_LENGTH, "user_agent");
        Checks.requireNonNull(zone, "zone");
        Checks.requireNonNull(retention, "retention");
    }

    /** Without the password and with credentials in the URL masked, should a command reach a log line. */
    @Override
    public String toString() {
        return "SaveEpgSourceCommand[name=" + name + ", kind=" + kind + ", url=" + Redaction.redactUrl(url)
                + ", username=" + username + ", password=" + (password == null ? "none" : "***") + ", userAgent="
                + userAgent + ", enabled=" + enabled + ", schedule=" + schedule + ", timeShiftMinutes="
                + timeShiftMinutes + ", zone=" + zone + ", retention=" + retention + "]";
    }

    /** An enabled XMLTV guide at a URL ({@code http(s)://} or {@code file:}, gzip or plain), UTC, default window. */
    public static SaveEpgSourceCommand xmltv(String name, String url) {
        return new SaveEpgSourceCommand(
                name,
                EpgSourceKind.XMLTV,
                url,
                null,
                null,
                null,
                true,
                null,
                0,
                ZoneOffset.UTC,
                RetentionWindow.DEFAULT);
    }

    /** The guide of an Xtream Codes account, UTC, default window. */
    public static SaveEpgSourceCommand xtream(String name, String url, String username, String password) {
        return new SaveEpgSourceCommand(
                name,
                EpgSourceKind.XTREAM,
                url,
                username,
                password,
                null,
                true,
                null,
                0,
                ZoneOffset.UTC,
                RetentionWindow.DEFAULT);
    }

    /** The same guide keeping the programmes of this window. */
    public SaveEpgSourceCommand withRetention(RetentionWindow window) {
        return new SaveEpgSourceCommand(
                name, kind, url, username, password, userAgent, enabled, schedule, timeShiftMinutes, zone, window);
    }

    /** The same guide with every programme moved by {@code minutes}. */
    public SaveEpgSourceCommand withTimeShift(int minutes) {
        return new SaveEpgSourceCommand(
                name, kind, url, username, password, userAgent, enabled, schedule, minutes, zone, retention);
    }

    /** The same guide refreshed on a cron schedule, or the default when null. */
    public SaveEpgSourceCommand withSchedule(@Nullable String cron) {
        return new SaveEpgSourceCommand(
                name, kind, url, username, password, userAgent, enabled, cron, timeShiftMinutes, zone, retention);
    }

    /** The same guide reading another url (an uploaded file's). */
    public SaveEpgSourceCommand withUrl(String location) {
        return new SaveEpgSourceCommand(
                name,
                kind,
                location,
                username,
                password,
                userAgent,
                enabled,
                schedule,
                timeShiftMinutes,
                zone,
                retention);
    }
}
