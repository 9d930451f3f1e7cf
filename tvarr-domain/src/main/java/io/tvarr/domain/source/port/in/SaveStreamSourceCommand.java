package io.tvarr.domain.source.port.in;

import io.tvarr.domain.Checks;
import io.tvarr.domain.Redaction;
import io.tvarr.domain.source.SourceKind;
import io.tvarr.domain.source.XtreamOutput;
import org.jspecify.annotations.Nullable;

/**
 * What a user gives to create or change a channel source. On update, a url equal to the masked form of the
 * stored one, or a null/"***" password, keep the stored values (the API only ever shows them masked).
 */
public record SaveStreamSourceCommand(
        String name,
        SourceKind kind,
        String url,
        @Nullable String username,
        @Nullable String password,
        @Nullable String userAgent,
        boolean enabled,
        @Nullable String schedule,
        int maxConcurrentStreams,
        XtreamOutput xtreamOutput,
        boolean includeVod,
        boolean includeSeries) {
    public SaveStreamSourceCommand {
        name = Checks.requireText(name, "name");
        Checks.requireMaxLength(name, Checks.MAX_NAME_LENGTH, "name");
        Checks.requireNonNull(kind, "kind");
        url = Checks.requireText(url, "url");
        Checks.requireMaxLength(url, Checks.MAX_URL_LENGTH, "url");
        username = Checks.blankToNull(username);
        // sent as a request header: a line break would smuggle in headers of its own
        Checks.requireOneLine(userAgent, "user_agent");
        Checks.requireMaxLength(userAgent, Checks.MAX_USER_AGENT_LENGTH, "user_agent");
        Checks.requireNonNull(xtreamOutput, "xtream_output");
    }

    /** Without the password and with credentials in the URL masked, should a command reach a log line. */
    @Override
    public String toString() {
        return "SaveStreamSourceCommand[name=" + name + ", kind=" + kind + ", url=" + Redaction.redactUrl(url)
                + ", username=" + username + ", password=" + (password == null ? "none" : "***") + ", userAgent="
                + userAgent + ", enabled=" + enabled + ", schedule=" + schedule + ", maxConcurrentStreams="
                + maxConcurrentStreams + ", xtreamOutput=" + xtreamOutput + ", includeVod=" + includeVod + "]";
    }

    /** An enabled M3U playlist at a URL ({@code http(s)://} or {@code file:}) on the default schedule, no limit. */
    public static SaveStreamSourceCommand m3u(String name, String url) {
        return new SaveStreamSourceCommand(
                name, SourceKind.M3U, url, null, null, null, true, null, 0, XtreamOutput.TS, false, false);
    }

    /** An enabled Xtream Codes account (live channels, MPEG-TS) on the default schedule, no limit. */
    public static SaveStreamSourceCommand xtream(String name, String url, String username, String password) {
        return new SaveStreamSourceCommand(
                name, SourceKind.XTREAM, url, username, password, null, true, null, 0, XtreamOutput.TS, false, false);
    }

    /** The same source refreshed on a cron schedule (5-field or {@code @daily}…), or the default when null. */
    public SaveStreamSourceCommand withSchedule(@Nullable String cron) {
        return new SaveStreamSourceCommand(
                name,
                kind,
                url,
                username,
                password,
                userAgent,
                enabled,
                cron,
                maxConcurrentStreams,
                xtreamOutput,
                includeVod,
                includeSeries);
    }

    /** The same source with at most {@code streams} upstream connections at once (0: no limit). */
    public SaveStreamSourceCommand withMaxConcurrentStreams(int streams) {
        return new SaveStreamSourceCommand(
                name,
                kind,
                url,
                username,
                password,
                userAgent,
                enabled,
                schedule,
                streams,
                xtreamOutput,
                includeVod,
                includeSeries);
    }

    /** The same source fetched (and its streams opened) with this User-Agent. */
    public SaveStreamSourceCommand withUserAgent(@Nullable String agent) {
        return new SaveStreamSourceCommand(
                name,
                kind,
                url,
                username,
                password,
                agent,
                enabled,
                schedule,
                maxConcurrentStreams,
                xtreamOutput,
                includeVod,
                includeSeries);
    }

    /** The same Xtream source with its movies ingested as VOD too. */
    public SaveStreamSourceCommand withVod(boolean vod) {
        return new SaveStreamSourceCommand(
                name,
                kind,
                url,
                username,
                password,
                userAgent,
                enabled,
                schedule,
                maxConcurrentStreams,
                xtreamOutput,
                vod,
                includeSeries);
    }

    /** The same Xtream source with its series and their episodes ingested as VOD too. */
    public SaveStreamSourceCommand withSeries(boolean series) {
        return new SaveStreamSourceCommand(
                name,
                kind,
                url,
                username,
                password,
                userAgent,
                enabled,
                schedule,
                maxConcurrentStreams,
                xtreamOutput,
                includeVod,
                series);
    }

    /** The same source, switched on or off (a disabled source is neither scheduled nor published). */
    public SaveStreamSourceCommand withEnabled(boolean on) {
        return new SaveStreamSourceCommand(
                name,
                kind,
                url,
                username,
                password,
                userAgent,
                on,
                schedule,
                maxConcurrentStreams,
                xtreamOutput,
                includeVod,
                includeSeries);
    }

    /** The same source reading another url (an uploaded file's). */
    public SaveStreamSourceCommand withUrl(String location) {
        return new SaveStreamSourceCommand(
                name,
                kind,
                location,
                username,
                password,
                userAgent,
                enabled,
                schedule,
                maxConcurrentStreams,
                xtreamOutput,
                includeVod,
                includeSeries);
    }
}
