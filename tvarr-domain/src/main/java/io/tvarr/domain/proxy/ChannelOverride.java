package io.tvarr.domain.proxy;

import io.tvarr.domain.Checks;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.channel.ChannelKey;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What the user changed about one channel in one proxy's output. Kept by proxy and channel id, apart from the
 * channel, so a source refresh (which replaces every channel row) never touches it; applied after the proxy's
 * mapping rules. A null field leaves the channel's value as the rules made it.
 *
 * @param number the output number, pinned whatever the proxy's numbering mode
 * @param hidden true drops the channel from the proxy's outputs
 * @param key the channel's stable identity when it is a source's channel, so the override can be named (exported)
 *     once its channel is gone; null for a channel added by hand and for overrides older than the key (V27) whose
 *     channel was already gone
 */
public record ChannelOverride(
        ProxyId proxy,
        ChannelId channel,
        @Nullable String name,
        @Nullable Integer number,
        @Nullable String group,
        @Nullable String logoUrl,
        @Nullable String tvgId,
        boolean hidden,
        Instant updatedAt,
        @Nullable ChannelKey key) {
    public static final int MAX_TEXT = 512;
    public static final int MAX_NUMBER = 9_999_999;

    public ChannelOverride {
        Checks.requireNonNull(proxy, "proxy");
        Checks.requireNonNull(channel, "channel");
        name = text(name, "name");
        group = text(group, "group");
        tvgId = text(tvgId, "tvgId");
        logoUrl = logo(Checks.blankToNull(logoUrl));
        if (number != null) {
            Checks.requireRange(number, 1, MAX_NUMBER, "number");
        }
        Checks.requireNonNull(updatedAt, "updatedAt");
        if (name == null && number == null && group == null && logoUrl == null && tvgId == null && !hidden) {
            throw new ValidationException("override: changes nothing (expected: at least one of name, number, group,"
                    + " logoUrl, tvgId or hidden)");
        }
        if (key != null && !key.channelId().equals(channel)) {
            throw new ValidationException("override of channel " + channel + ": key " + key.externalKey()
                    + " of source " + key.source() + " is another channel's (" + key.channelId() + ")");
        }
    }

    /** An override without its channel's key. */
    public ChannelOverride(
            ProxyId proxy,
            ChannelId channel,
            @Nullable String name,
            @Nullable Integer number,
            @Nullable String group,
            @Nullable String logoUrl,
            @Nullable String tvgId,
            boolean hidden,
            Instant updatedAt) {
        this(proxy, channel, name, number, group, logoUrl, tvgId, hidden, updatedAt, null);
    }

    /** The channel as this override shows it; {@link #hidden} is the caller's to act on. */
    public Channel applyTo(Channel channel) {
        return new Channel(
                channel.id(),
                channel.sourceId(),
                channel.externalKey(),
                tvgId != null ? tvgId : channel.tvgId(),
                channel.tvgName(),
                number != null ? number.toString() : channel.tvgChno(),
                name != null ? name : channel.name(),
                group != null ? group : channel.group(),
                logoUrl != null ? logoUrl : channel.logoUrl(),
                channel.streamUrl(),
                channel.attributes());
    }

    private static @Nullable String text(@Nullable String value, String field) {
        String text = Checks.blankToNull(value);
        Checks.requireMaxLength(text, MAX_TEXT, field);
        return Checks.requireOneLine(text, field);
    }

    /** Players fetch the logo themselves, so only a web address is accepted. */
    private static @Nullable String logo(@Nullable String value) {
        if (value == null) {
            return null;
        }
        Checks.requireMaxLength(value, Checks.MAX_URL_LENGTH, "logoUrl");
        Checks.requireOneLine(value, "logoUrl");
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return value;
            }
        } catch (URISyntaxException e) {
            throw new ValidationException("logoUrl: '" + value + "' is not a URL (" + e.getReason() + ")");
        }
        throw new ValidationException("logoUrl: '" + value + "' (expected: an http or https URL with a host)");
    }
}
