package io.tvarr.http.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.channel.ChannelQuery;
import io.tvarr.domain.channel.port.in.BrowseChannelsUseCase;
import io.tvarr.domain.channel.port.in.DescribeChannelUseCase;
import io.tvarr.domain.failover.ChannelAlternates;
import io.tvarr.domain.failover.MergeBy;
import io.tvarr.domain.failover.ProxyFailover;
import io.tvarr.domain.failover.port.in.ManageFailoverUseCase;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.in.ManageProxiesUseCase;
import io.tvarr.domain.source.SourceId;
import io.tvarr.http.ApiRoutes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A proxy's failover page, {@code /proxies/{id}/failover}: the merge mode, and the alternates by hand (add one by
 * searching the proxy's channels, remove, move up or down). Every change is a read, a change of one entry and a
 * {@link ManageFailoverUseCase#change} of the whole settings, as the API's {@code PUT} takes them. Registered beside
 * {@link WebRoutes}.
 */
public final class FailoverPages implements ApiRoutes {
    static final int RESULTS = 20;
    private static final Set<String> FIELDS = Set.of("mergeBy");

    private final ManageProxiesUseCase proxies;
    private final ManageFailoverUseCase failover;
    private final BrowseChannelsUseCase channels;
    private final DescribeChannelUseCase details;
    private final Templates templates = new Templates();
    private final WebAssets assets = WebAssets.fromClassPath();

    public FailoverPages(
            ManageProxiesUseCase proxies,
            ManageFailoverUseCase failover,
            BrowseChannelsUseCase channels,
            DescribeChannelUseCase details) {
        this.proxies = proxies;
        this.failover = failover;
        this.channels = channels;
        this.details = details;
    }

    @Override
    public void register(RoutesConfig routes) {
        String path = "/proxies/{id}/failover";
        routes.get(path, this::show);
        routes.post(path, this::changeMergeBy);
        routes.post(path + "/alternates", this::add);
        routes.post(path + "/alternates/{channelId}/remove", this::remove);
        routes.post(path + "/alternates/{channelId}/move", this::move);
    }

    void show(Context ctx) {
        StreamProxy proxy = proxy(ctx);
        ProxyFailover stored = failover.failover(proxy.id().toString());
        render(ctx, 200, proxy, stored, stored.mergeBy().word(), FormErrors.NONE);
    }

    void changeMergeBy(Context ctx) {
        StreamProxy proxy = proxy(ctx);
        ProxyFailover stored = failover.failover(proxy.id().toString());
        String mergeBy = param(ctx, "mergeBy");
        try {
            failover.change(proxy.id().toString(), new ProxyFailover(MergeBy.ofWord(mergeBy), stored.manual()));
        } catch (ValidationException e) {
            render(ctx, 400, proxy, stored, mergeBy, FormErrors.of(e, FIELDS));
            return;
        }
        ctx.redirect("/proxies/" + proxy.id() + "/failover", HttpStatus.SEE_OTHER);
    }

    /** Adds {@code alternate} last among the alternates of {@code channel}. */
    void add(Context ctx) {
        ChannelId channel = channelId(param(ctx, "channel"), "channel");
        change(ctx, channel, new AlternatesEdit.Add(channelId(param(ctx, "alternate"), "alternate")));
    }

    void remove(Context ctx) {
        ChannelId channel = ChannelId.parse(ctx.pathParam("channelId"));
        change(ctx, channel, new AlternatesEdit.Remove(channelId(param(ctx, "alternate"), "alternate")));
    }

    /** Moves {@code alternate} one place {@code up} (tried earlier) or {@code down}. */
    void move(Context ctx) {
        ChannelId channel = ChannelId.parse(ctx.pathParam("channelId"));
        ChannelId alternate = channelId(param(ctx, "alternate"), "alternate");
        String direction = param(ctx, "to");
        if (!direction.equals("up") && !direction.equals("down")) {
            throw new ValidationException("to: '" + direction + "' (expected: up or down)");
        }
        change(ctx, channel, new AlternatesEdit.Move(alternate, direction.equals("up")));
    }

    /**
     * Makes {@code edit} to the alternates of {@code channel} and saves the settings; a refusal shows the page again
     * with the domain's message, and nothing is stored.
     */
    private void change(Context ctx, ChannelId channel, AlternatesEdit edit) {
        StreamProxy proxy = proxy(ctx);
        ProxyFailover stored = failover.failover(proxy.id().toString());
        try {
            failover.change(proxy.id().toString(), edit.applyTo(stored, channel));
        } catch (ValidationException e) {
            render(ctx, 400, proxy, stored, stored.mergeBy().word(), FormErrors.of(e, FIELDS));
            return;
        }
        String query = given(ctx, "q");
        ctx.redirect(
                "/proxies/" + proxy.id() + "/failover?channel=" + channel
                        + (query.isEmpty() ? "" : "&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)),
                HttpStatus.SEE_OTHER);
    }

    private void render(
            Context ctx, int status, StreamProxy proxy, ProxyFailover stored, String mergeBy, FormErrors errors) {
        String chosen = given(ctx, "channel");
        String query = given(ctx, "q");
        List<FailoverShown.Entry> entries = new ArrayList<>();
        for (ChannelAlternates entry : stored.manual()) {
            entries.add(new FailoverShown.Entry(
                    named(entry.channel()),
                    entry.alternates().stream().map(this::named).toList()));
        }
        FailoverShown shown = new FailoverShown(
                proxy.id().toString(),
                mergeBy,
                entries,
                chosen.isEmpty() ? null : named(channelId(chosen, "channel")),
                query,
                search(proxy, query));
        Map<String, Object> params = new HashMap<>();
        params.put("layout", Layout.of(ctx, assets, "Failover: " + proxy.name(), "proxies"));
        params.put("shown", shown);
        params.put("errors", errors);
        templates.render(ctx, status, "failover.jte", params);
    }

    /** The first channels of the proxy's sources whose name, tvg-id or tvg-name holds {@code text}. */
    private List<Channel> search(StreamProxy proxy, String text) {
        List<Channel> found = new ArrayList<>();
        if (text.isEmpty()) {
            return found;
        }
        for (SourceId source : proxy.sources()) {
            if (found.size() >= RESULTS) {
                break;
            }
            found.addAll(channels.page(new ChannelQuery(source, null, text, 0, RESULTS - found.size()))
                    .items());
        }
        return found;
    }

    private FailoverShown.Named named(ChannelId id) {
        try {
            Channel channel = details.describe(id).channel();
            return new FailoverShown.Named(id.toString(), channel.name(), channel.group());
        } catch (NotFoundException e) {
            // its source dropped it: the alternate is kept (playing skips it), shown by its id
            return new FailoverShown.Named(id.toString(), null, null);
        }
    }

    private static ChannelId channelId(String text, String field) {
        try {
            return ChannelId.parse(text);
        } catch (ValidationException e) {
            throw new ValidationException(field + ": '" + text + "' (expected: a channel id)");
        }
    }

    private StreamProxy proxy(Context ctx) {
        return proxies.find(ctx.pathParam("id"));
    }

    /** A value of the query, or of the form for a form shown again: the search and the chosen channel are kept. */
    private static String given(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return Objects.requireNonNullElse(value == null ? ctx.formParam(name) : value, "")
                .strip();
    }

    private static String param(Context ctx, String name) {
        return Objects.requireNonNullElse(ctx.formParam(name), "");
    }
}
