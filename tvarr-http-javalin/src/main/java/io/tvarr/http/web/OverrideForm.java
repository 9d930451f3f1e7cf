package io.tvarr.http.web;

import io.javalin.http.Context;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.proxy.ChannelOverride;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.port.in.SetChannelOverrideCommand;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The override form as typed: text fields as sent, so a refused form shows again exactly as it was. */
public record OverrideForm(
        String channelId, String name, String number, String group, String logoUrl, String tvgId, boolean hidden) {
    static final Set<String> FIELDS = Set.of("name", "number", "group", "logoUrl", "tvgId");

    static OverrideForm empty(String channelId) {
        return new OverrideForm(channelId, "", "", "", "", "", false);
    }

    static OverrideForm of(ChannelOverride o) {
        return new OverrideForm(
                o.channel().toString(),
                text(o.name()),
                o.number() == null ? "" : o.number().toString(),
                text(o.group()),
                text(o.logoUrl()),
                text(o.tvgId()),
                o.hidden());
    }

    static OverrideForm read(Context ctx) {
        return new OverrideForm(
                param(ctx, "channelId"),
                param(ctx, "name"),
                param(ctx, "number"),
                param(ctx, "group"),
                param(ctx, "logoUrl"),
                param(ctx, "tvgId"),
                ctx.formParam("hidden") != null);
    }

    SetChannelOverrideCommand toCommand(ProxyId proxy) {
        return new SetChannelOverrideCommand(
                proxy, ChannelId.parse(channelId), name, parsedNumber(), group, logoUrl, tvgId, hidden);
    }

    private @Nullable Integer parsedNumber() {
        if (number.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(number.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException("number: '" + number + "' (expected: a whole number)");
        }
    }

    private static String param(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }
}
