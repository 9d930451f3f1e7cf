package io.tvarr.http.web;

import io.tvarr.domain.xtream.XtreamChannel;
import io.tvarr.domain.xtream.XtreamProgramme;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * One window of a proxy's guide: a page of its published channels, each with the programmes that overlap the window,
 * placed by their share of it.
 *
 * @param from the window's start
 * @param now the time the page was made, to mark what is on
 * @param channels the proxy's published channels in all
 */
public record GuideGrid(String proxyId, Instant from, Instant now, List<Row> rows, int page, long channels) {
    static final Duration WINDOW = Duration.ofHours(3);
    static final int PAGE_SIZE = 25;
    private static final DateTimeFormatter HOURS =
            DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    public GuideGrid {
        rows = List.copyOf(rows);
    }

    /** A channel with its programmes in the window, by start. */
    public record Row(XtreamChannel channel, List<XtreamProgramme> programmes) {
        public Row {
            programmes = List.copyOf(programmes);
        }
    }

    public Instant to() {
        return from.plus(WINDOW);
    }

    /** Where a programme starts in the window, in percent (0 when it began before). */
    public String left(XtreamProgramme p) {
        return percent(Duration.between(from, p.start().isBefore(from) ? from : p.start()));
    }

    /** How much of the window a programme covers, in percent. */
    public String width(XtreamProgramme p) {
        Instant start = p.start().isBefore(from) ? from : p.start();
        Instant stop = p.stop().isAfter(to()) ? to() : p.stop();
        return percent(Duration.between(start, stop));
    }

    public boolean onAir(XtreamProgramme p) {
        return !p.start().isAfter(now) && p.stop().isAfter(now);
    }

    public String time(Instant at) {
        return HOURS.format(at);
    }

    /** The hour marks across the window. */
    public List<Instant> marks() {
        return List.of(from, from.plus(Duration.ofHours(1)), from.plus(Duration.ofHours(2)), to());
    }

    public long pages() {
        return Math.max(1, (channels + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    public String earlier() {
        return link(from.minus(WINDOW), page);
    }

    public String later() {
        return link(to(), page);
    }

    public String current() {
        return "/proxies/" + proxyId + "/guide?page=" + page;
    }

    public boolean hasPreviousPage() {
        return page > 0;
    }

    public boolean hasNextPage() {
        return page + 1 < pages();
    }

    public String previousPage() {
        return link(from, page - 1);
    }

    public String nextPage() {
        return link(from, page + 1);
    }

    private String link(Instant at, int toPage) {
        return "/proxies/" + proxyId + "/guide?at=" + at + "&page=" + toPage;
    }

    private static String percent(Duration part) {
        double share = 100.0 * part.toSeconds() / WINDOW.toSeconds();
        return String.format(Locale.ROOT, "%.2f%%", Math.max(0, Math.min(100, share)));
    }
}
