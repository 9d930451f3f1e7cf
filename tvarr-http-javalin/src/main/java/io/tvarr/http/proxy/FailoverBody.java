package io.tvarr.http.proxy;

import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiIgnore;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiRequired;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.failover.ChannelAlternates;
import io.tvarr.domain.failover.MergeBy;
import io.tvarr.domain.failover.ProxyFailover;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A proxy's failover settings, as sent and as shown. */
record FailoverBody(
        @OpenApiRequired
        @OpenApiDescription("none (default), tvg_id, name or tvg_id_or_name: how channels of the proxy's sources are"
                + " recognised as the same channel and merged into one output channel (from the next generation)")
        @Nullable
        String mergeBy,

        @OpenApiNullable
        @OpenApiDescription("alternates by hand, played at once: at most 1000 channels, each with 1-20 alternates")
        @Nullable
        List<AlternatesBody> alternates) {

    /** One output channel's alternates, tried in order when its own stream cannot play. */
    record AlternatesBody(
            @OpenApiRequired @Nullable String channelId,
            @OpenApiRequired @Nullable List<String> alternates) {}

    static FailoverBody of(ProxyFailover failover) {
        List<AlternatesBody> entries = new ArrayList<>();
        for (ChannelAlternates entry : failover.manual()) {
            entries.add(new AlternatesBody(
                    entry.channel().toString(),
                    entry.alternates().stream().map(ChannelId::toString).toList()));
        }
        return new FailoverBody(failover.mergeBy().word(), entries);
    }

    @OpenApiIgnore
    ProxyFailover toSettings() {
        if (mergeBy == null) {
            throw new ValidationException("mergeBy: missing (expected: none, tvg_id, name or tvg_id_or_name)");
        }
        List<AlternatesBody> given = alternates == null ? List.of() : alternates;
        if (given.size() > ProxyFailover.MAX_CHANNELS) {
            throw new ValidationException(
                    "alternates: " + given.size() + " channels (expected: at most " + ProxyFailover.MAX_CHANNELS + ")");
        }
        List<ChannelAlternates> manual = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            manual.add(entry(given.get(i), "alternates[" + i + "]"));
        }
        return new ProxyFailover(MergeBy.ofWord(mergeBy), manual);
    }

    private static ChannelAlternates entry(@Nullable AlternatesBody body, String where) {
        if (body == null || body.channelId() == null || body.alternates() == null) {
            throw new ValidationException(where + ": expected channelId and alternates");
        }
        if (body.alternates().size() > ChannelAlternates.MAX_ALTERNATES) {
            throw new ValidationException(where + ".alternates: "
                    + body.alternates().size() + " (expected: 1-" + ChannelAlternates.MAX_ALTERNATES + ")");
        }
        List<ChannelId> alternates = new ArrayList<>();
        for (int i = 0; i < body.alternates().size(); i++) {
            alternates.add(channel(body.alternates().get(i), where + ".alternates[" + i + "]"));
        }
        return new ChannelAlternates(channel(body.channelId(), where + ".channelId"), alternates);
    }

    private static ChannelId channel(@Nullable String text, String where) {
        try {
            return ChannelId.parse(String.valueOf(text));
        } catch (RuntimeException e) {
            throw new ValidationException(where + ": '" + text + "' is not a channel id");
        }
    }
}
