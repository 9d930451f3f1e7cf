package io.tvarr.domain.proxy;

import io.tvarr.domain.Checks;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.source.SourceKind;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.XtreamOutput;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A channel the user added by hand to one proxy. It goes through the proxy's pipeline like the channels of its
 * sources, as the channel {@link #toChannel()} of the proxy's own pseudo-source {@link #sourceOf(ProxyId)}.
 *
 * <p>Identity: the id is made once, when the channel is added, and kept through every edit; an import updates the
 * manual channel of the proxy with the same stream URL (keeping its id) and adds the others with new ids.
 *
 * @param number the output number, pinned whatever the proxy's numbering mode
 * @param guideChannelId the guide channel pinned to it (the XMLTV channel id), matched before anything else
 * @param position where it comes among the proxy's manual channels (they follow the sources' channels)
 */
public record ManualChannel(
        ChannelId id,
        ProxyId proxy,
        String name,
        String streamUrl,
        @Nullable String tvgId,
        @Nullable String logoUrl,
        @Nullable String group,
        @Nullable Integer number,
        @Nullable String guideChannelId,
        int position,
        Instant updatedAt) {
    /** A proxy's manual channels are listed and imported whole, so their count is bounded. */
    public static final int MAX_PER_PROXY = 10_000;

    public ManualChannel {
        Checks.requireNonNull(id, "id");
        Checks.requireNonNull(proxy, "proxy");
        name = Checks.requireText(name, "name");
        name = text(name, "name");
        streamUrl = streamUrl(streamUrl, "streamUrl");
        tvgId = text(tvgId, "tvgId");
        group = text(group, "group");
        guideChannelId = text(guideChannelId, "guideChannelId");
        logoUrl = logoUrl == null || logoUrl.isBlank() ? null : webUrl(logoUrl.strip(), "logoUrl");
        if (number != null) {
            Checks.requireRange(number, 1, ChannelOverride.MAX_NUMBER, "number");
        }
        Checks.requireRange(position, 0, Integer.MAX_VALUE - 1, "position");
        Checks.requireNonNull(updatedAt, "updatedAt");
    }

    /** The pseudo-source a proxy's manual channels belong to: derived from the proxy id, never stored. */
    public static SourceId sourceIdOf(ProxyId proxy) {
        return new SourceId(UUID.nameUUIDFromBytes(("manual\u0000" + proxy).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The pseudo-source as filters, rules and the relay see it: named "manual channels", an M3U source with no
     * connection limit and no user agent of its own.
     */
    public static StreamSource sourceOf(ProxyId proxy, Instant at) {
        return new StreamSource(
                sourceIdOf(proxy),
                "manual channels",
                SourceKind.M3U,
                URI.create("tvarr:manual:" + proxy),
                null,
                null,
                true,
                null,
                0,
                XtreamOutput.TS,
                false,
                false,
                at,
                at);
    }

    /** This channel as the pipeline and the relay take it, in its proxy's pseudo-source. */
    public Channel toChannel() {
        return new Channel(
                id,
                sourceIdOf(proxy),
                "manual:" + id,
                tvgId,
                null,
                number == null ? null : number.toString(),
                name,
                group,
                logoUrl,
                streamUrl,
                Map.of());
    }

    /** The same channel with the values of {@code edited}, keeping its id, proxy and position. */
    public ManualChannel withValuesOf(ManualChannel edited, Instant at) {
        return new ManualChannel(
                id,
                proxy,
                edited.name,
                edited.streamUrl,
                edited.tvgId,
                edited.logoUrl,
                edited.group,
                edited.number,
                edited.guideChannelId,
                position,
                at);
    }

    /**
     * A stream URL is checked as a source URL is, and must be a web address: the relay and the players open it, so
     * a {@code file:} URL or another scheme is refused.
     */
    public static String streamUrl(@Nullable String value, String field) {
        return webUrl(Checks.requireText(value, field), field);
    }

    private static String webUrl(String value, String field) {
        Checks.requireOneLine(value, field);
        URI uri = Checks.requireFetchableUrl(value, field);
        if ("file".equalsIgnoreCase(uri.getScheme())) {
            throw new ValidationException(field + ": '" + value + "' (expected: an http or https URL)");
        }
        return value;
    }

    private static @Nullable String text(@Nullable String value, String field) {
        String text = Checks.blankToNull(value);
        Checks.requireMaxLength(text, ChannelOverride.MAX_TEXT, field);
        return Checks.requireOneLine(text, field);
    }
}
