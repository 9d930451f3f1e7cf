package io.tvarr.http.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tvarr.domain.channel.ChannelDetail;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.channel.ChannelQuery;
import io.tvarr.domain.channel.port.in.BrowseChannelsUseCase;
import io.tvarr.domain.channel.port.in.DescribeChannelUseCase;
import io.tvarr.domain.health.port.in.ListStreamHealthUseCase;
import io.tvarr.http.QueryParams;
import java.util.Map;
import java.util.Objects;

/** The channels page: search by text and group over every stored channel, paged by the store, not in memory. */
final class ChannelsPage {
    static final int PAGE_SIZE = 50;

    private final BrowseChannelsUseCase channels;
    private final DescribeChannelUseCase details;
    private final ListStreamHealthUseCase health;
    private final Templates templates;
    private final WebAssets assets;

    ChannelsPage(WebUseCases useCases, Templates templates, WebAssets assets) {
        this.channels = useCases.channels();
        this.details = useCases.channelDetails();
        this.health = useCases.streamHealth();
        this.templates = templates;
        this.assets = assets;
    }

    void register(RoutesConfig routes) {
        routes.get("/channels", this::list);
        routes.get("/channels/{id}", this::show);
    }

    /** One channel: its attributes, masked stream URL, last stream check, guide match and now/next. */
    void show(Context ctx) {
        ChannelId id = ChannelId.parse(ctx.pathParam("id"));
        ChannelDetail detail = details.describe(id);
        templates.render(
                ctx,
                "channel.jte",
                Map.of(
                        "layout",
                        Layout.of(ctx, assets, detail.channel().name(), "channels"),
                        "detail",
                        new ChannelShown(detail, health.ofChannel(id).orElse(null))));
    }

    void list(Context ctx) {
        String text = Objects.requireNonNullElse(ctx.queryParam("q"), "");
        String group = Objects.requireNonNullElse(ctx.queryParam("group"), "");
        ChannelQuery query = new ChannelQuery(null, group, text, QueryParams.integer(ctx, "page", 0), PAGE_SIZE);
        ChannelListing listing = new ChannelListing(channels.page(query), text, group, channels.groups(null));
        templates.render(
                ctx,
                "channels.jte",
                Map.of("layout", Layout.of(ctx, assets, "Channels", "channels"), "listing", listing));
    }
}
