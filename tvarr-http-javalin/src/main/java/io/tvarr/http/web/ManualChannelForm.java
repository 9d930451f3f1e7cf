package io.tvarr.http.web;

import io.javalin.http.Context;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.proxy.ManualChannel;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.port.in.SaveManualChannelCommand;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The manual channel form as typed: text fields as sent, so a refused form shows again exactly as it was. */
public record ManualChannelForm(
        String name,
        String streamUrl,
        String tvgId,
        String logoUrl,
        String group,
        String number,
        String guideChannelId) {
    static final Set<String> FIELDS =
            Set.of("name", "streamUrl", "tvgId", "logoUrl", "group", "number", "guideChannelId");
    static final ManualChannelForm EMPTY = new ManualChannelForm("", "", "", "", "", "", "");

    static ManualChannelForm of(ManualChannel c) {
        return new ManualChannelForm(
                c.name(),
                c.streamUrl(),
                text(c.tvgId()),
                text(c.logoUrl()),
                text(c.group()),
                c.number() == null ? "" : c.number().toString(),
                text(c.guideChannelId()));
    }

    static ManualChannelForm read(Context ctx) {
        return new ManualChannelForm(
                param(ctx, "name"),
                param(ctx, "streamUrl"),
                param(ctx, "tvgId"),
                param(ctx, "logoUrl"),
                param(ctx, "group"),
                param(ctx, "number"),
                param(ctx, "guideChannelId"));
    }

    SaveManualChannelCommand toCommand(ProxyId proxy) {
        return new SaveManualChannelCommand(
                proxy, name, streamUrl, tvgId, logoUrl, group, parsedNumber(), guideChannelId);
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
