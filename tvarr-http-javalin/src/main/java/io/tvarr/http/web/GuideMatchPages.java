package io.tvarr.http.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.Page;
import io.tvarr.domain.TvarrException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.proxy.GuideMatch;
import io.tvarr.domain.proxy.GuideMatchSettings;
import io.tvarr.domain.proxy.GuideMatchTier;
import io.tvarr.domain.proxy.GuidePinStatus;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.in.ListGuideMatchesQuery;
import io.tvarr.domain.proxy.port.in.PinGuideChannelCommand;
import io.tvarr.http.ApiRoutes;
import io.tvarr.http.EnumParam;
import io.tvarr.http.QueryParams;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A proxy's guide matches page, {@code /proxies/{id}/guide-matches}: the last generation's match per channel (guide
 * channel, tier, score) a page at a time and filtered by tier, pin buttons on the candidates of unmatched channels,
 * unpin on pinned ones, the orphaned pins, a pin form and the threshold. Registered beside {@link WebRoutes}.
 */
public final class GuideMatchPages implements ApiRoutes {
    static final int PAGE_SIZE = 50;
    private static final Set<String> PIN_FIELDS = Set.of("channel", "guide_channel_id");
    private static final Set<String> SETTINGS_FIELDS = Set.of("threshold");

    private final GuideMatchUseCases useCases;
    private final Templates templates = new Templates();
    private final WebAssets assets = WebAssets.fromClassPath();

    public GuideMatchPages(GuideMatchUseCases useCases) {
        this.useCases = useCases;
    }

    @Override
    public void register(RoutesConfig routes) {
        String path = "/proxies/{id}/guide-matches";
        routes.get(path, this::show);
        routes.post(path + "/pin", this::pin);
        routes.post(path + "/{channelId}/unpin", this::unpin);
        routes.post(path + "/regenerate", this::regenerate);
        routes.post("/proxies/{id}/guide-matching", this::changeThreshold);
    }

    void show(Context ctx) {
        StreamProxy proxy = proxy(ctx);
        String channel =
                Objects.requireNonNullElse(ctx.queryParam("channel"), "").strip();
        render(ctx, 200, proxy, stored(proxy), channel, "", FormErrors.NONE);
    }

    void pin(Context ctx) {
        StreamProxy proxy = proxy(ctx);
        String channel = param(ctx, "channel");
        String guide = param(ctx, "guide_channel_id");
        try {
            useCases.pins().pin(new PinGuideChannelCommand(proxy.id(), channelId(channel), guide));
        } catch (ValidationException | NotFoundException e) {
            render(ctx, 400, proxy, stored(proxy), channel, guide, pinErrors(e));
            return;
        }
        back(ctx, proxy);
    }

    void unpin(Context ctx) {
        StreamProxy proxy = proxy(ctx);
        useCases.pins().unpin(proxy.id(), ChannelId.parse(ctx.pathParam("channelId")));
        back(ctx, proxy);
    }

    /** Runs the generation, so pins and a new threshold show at once, and comes back to the same listing. */
    void regenerate(Context ctx) {
        StreamProxy proxy = proxy(ctx);
        useCases.generation().generate(proxy.id());
        back(ctx, proxy);
    }

    void changeThreshold(Context ctx) {
        StreamProxy proxy = proxy(ctx);
        String threshold = param(ctx, "threshold");
        try {
            useCases.settings().configure(proxy.id(), new GuideMatchSettings(threshold(threshold)));
        } catch (ValidationException e) {
            render(ctx, 400, proxy, threshold, "", "", FormErrors.of(e, SETTINGS_FIELDS));
            return;
        }
        back(ctx, proxy);
    }

    private void render(
            Context ctx,
            int status,
            StreamProxy proxy,
            String threshold,
            String pinChannel,
            String pinGuide,
            FormErrors errors) {
        String tier = Objects.requireNonNullElse(ctx.queryParam("tier"), "").strip();
        @Nullable GuideMatchTier chosen = tier.isEmpty() ? null : EnumParam.parse(GuideMatchTier.class, tier, "tier");
        int page = QueryParams.integer(ctx, "page", 0);
        if (page < 0) {
            throw new ValidationException("page: " + page + " (expected: 0 or more)");
        }
        List<GuideMatch> matches = new ArrayList<>();
        long total = useCases.matches()
                .forEachMatch(
                        new ListGuideMatchesQuery(proxy.id(), chosen, (long) page * PAGE_SIZE, PAGE_SIZE),
                        matches::add);
        List<GuidePinStatus> pins = new ArrayList<>();
        useCases.matches().forEachPin(proxy.id(), pins::add);
        String id = proxy.id().toString();
        GuideMatchListing listing = new GuideMatchListing(
                id,
                tier,
                new Pager(new Page<>(matches, page, PAGE_SIZE, total), GuideMatchListing.base(id, tier)),
                matches,
                pins,
                threshold,
                pinChannel,
                pinGuide);
        Map<String, Object> params = new HashMap<>();
        params.put("layout", Layout.of(ctx, assets, "Guide matches: " + proxy.name(), "proxies"));
        params.put("listing", listing);
        params.put("errors", errors);
        templates.render(ctx, status, "guideMatches.jte", params);
    }

    /** The domain names the channel with its id ({@code "channel 1f…: not found"}): that is the channel field's too. */
    private static FormErrors pinErrors(TvarrException e) {
        String message = Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
        if (message.startsWith("channel ")) {
            return new FormErrors(Map.of("channel", message), null);
        }
        return FormErrors.of(e, PIN_FIELDS);
    }

    private String stored(StreamProxy proxy) {
        return Integer.toString(useCases.settings().settings(proxy.id()).threshold());
    }

    /** Back to the listing the form was sent from: its {@code back} field, when it is one of this proxy's. */
    private static void back(Context ctx, StreamProxy proxy) {
        String listing = "/proxies/" + proxy.id() + "/guide-matches";
        String back = param(ctx, "back");
        boolean same = back.equals(listing) || back.startsWith(listing + "?");
        ctx.redirect(same ? back : listing, HttpStatus.SEE_OTHER);
    }

    private static ChannelId channelId(String text) {
        if (text.isBlank()) {
            throw new ValidationException("channel: missing (expected: a channel id)");
        }
        try {
            return ChannelId.parse(text.strip());
        } catch (ValidationException e) {
            throw new ValidationException("channel: '" + text + "' (expected: a channel id)");
        }
    }

    private static int threshold(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException("threshold: '" + text + "' (expected: a whole number 1-100)");
        }
    }

    private StreamProxy proxy(Context ctx) {
        return useCases.proxies().find(ctx.pathParam("id"));
    }

    private static String param(Context ctx, String name) {
        return Objects.requireNonNullElse(ctx.formParam(name), "");
    }
}
