package io.tvarr.http.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.in.ManageProxiesUseCase;
import io.tvarr.domain.xtream.XtreamChannel;
import io.tvarr.domain.xtream.XtreamProgramme;
import io.tvarr.domain.xtream.port.in.ReadXtreamGuideUseCase;
import io.tvarr.domain.xtream.port.in.ReadXtreamLineupUseCase;
import io.tvarr.http.QueryParams;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A proxy's guide as a grid: a page of its published channels by a three-hour window of their programmes, earlier and
 * later moving the window. Reads what the last generation published, as players see it, a channel at a time.
 */
final class GuideGridPage {
    /** Programmes read per channel at most: a window of three hours holds far fewer. */
    private static final int PROGRAMMES_PER_CHANNEL = 40;

    private final ManageProxiesUseCase proxies;
    private final ReadXtreamLineupUseCase lineups;
    private final ReadXtreamGuideUseCase guides;
    private final Clock clock;
    private final Templates templates;
    private final WebAssets assets;

    GuideGridPage(WebUseCases useCases, Templates templates, WebAssets assets) {
        this.proxies = useCases.proxies();
        this.lineups = useCases.lineups();
        this.guides = useCases.programmeGuides();
        this.clock = useCases.clock();
        this.templates = templates;
        this.assets = assets;
    }

    void register(RoutesConfig routes) {
        routes.get("/proxies/{id}/guide", this::show);
    }

    void show(Context ctx) {
        StreamProxy proxy = proxies.get(ProxyId.parse(ctx.pathParam("id")));
        Instant now = clock.instant();
        Instant from = start(ctx.queryParam("at"), now);
        int page = QueryParams.integer(ctx, "page", 0);
        Layout layout = Layout.of(ctx, assets, "Guide: " + proxy.name(), "proxies");
        if (!lineups.isPublished(proxy.id())) {
            templates.render(ctx, "guideGrid.jte", Map.of("layout", layout, "grid", empty(proxy, from, now)));
            return;
        }
        Instant to = from.plus(GuideGrid.WINDOW);
        List<GuideGrid.Row> rows = new ArrayList<>();
        long first = (long) page * GuideGrid.PAGE_SIZE;
        long[] position = {0};
        List<XtreamChannel> shown = new ArrayList<>();
        lineups.forEachChannel(proxy.id(), channel -> {
            if (position[0] >= first && position[0] < first + GuideGrid.PAGE_SIZE) {
                shown.add(channel);
            }
            position[0]++;
        });
        for (XtreamChannel channel : shown) {
            List<XtreamProgramme> programmes = new ArrayList<>();
            guides.forEachProgramme(proxy.id(), channel.streamId(), from, PROGRAMMES_PER_CHANNEL, p -> {
                if (p.start().isBefore(to) && p.stop().isAfter(from)) {
                    programmes.add(p);
                }
            });
            rows.add(new GuideGrid.Row(channel, programmes));
        }
        GuideGrid grid = new GuideGrid(proxy.id().toString(), from, now, rows, page, position[0]);
        templates.render(ctx, "guideGrid.jte", Map.of("layout", layout, "grid", grid));
    }

    private static GuideGrid empty(StreamProxy proxy, Instant from, Instant now) {
        return new GuideGrid(proxy.id().toString(), from, now, List.of(), 0, 0);
    }

    /** The window starts at the given instant, or at the last half hour before now. */
    private static Instant start(@Nullable String at, Instant now) {
        if (at == null || at.isBlank()) {
            long halfHour = Duration.ofMinutes(30).toSeconds();
            return Instant.ofEpochSecond(now.getEpochSecond() / halfHour * halfHour);
        }
        try {
            return Instant.parse(at.trim());
        } catch (DateTimeParseException e) {
            throw new ValidationException("at: '" + at + "' (expected: an instant such as 2030-01-01T20:00:00Z)");
        }
    }
}
