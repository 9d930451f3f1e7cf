package io.tvarr.ingest.xtream;

import static io.tvarr.ingest.xtream.XtreamChannelSourceHandler.api;
import static io.tvarr.ingest.xtream.XtreamValues.abbreviate;
import static io.tvarr.ingest.xtream.XtreamValues.integer;
import static io.tvarr.ingest.xtream.XtreamValues.optional;
import static io.tvarr.ingest.xtream.XtreamValues.text;

import io.tvarr.domain.RefusedUpstreamException;
import io.tvarr.domain.TvarrException;
import io.tvarr.domain.ingestion.IngestionProgress;
import io.tvarr.domain.source.Credentials;
import io.tvarr.domain.source.SourceKind;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.port.out.SourceFetcher;
import io.tvarr.domain.vod.VodEpisode;
import io.tvarr.domain.vod.VodMovie;
import io.tvarr.domain.vod.VodSeries;
import io.tvarr.domain.vod.VodSink;
import io.tvarr.domain.vod.port.out.VodSourceHandler;
import io.tvarr.ingest.fetch.SkippedEntries;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The movies and series of an Xtream Codes account, each kept with the panel's element as sent: movies from
 * {@code get_vod_streams}, series from {@code get_series}, then the episodes of each from its
 * {@code get_series_info} (one request per series, so series are asked for on their own switch). A series whose
 * episodes cannot be read is logged and skipped; an item without id or name is skipped and counted.
 */
public final class XtreamVodSourceHandler implements VodSourceHandler {
    private static final Logger log = LoggerFactory.getLogger(XtreamVodSourceHandler.class);
    private static final long MAX_BYTES = 512L * 1024 * 1024;

    private final SourceFetcher fetcher;
    private final XtreamJson json = new XtreamJson();

    public XtreamVodSourceHandler(SourceFetcher fetcher) {
        this.fetcher = fetcher;
    }

    @Override
    public SourceKind kind() {
        return SourceKind.XTREAM;
    }

    @Override
    public Map<String, String> ingest(StreamSource source, VodSink sink, IngestionProgress progress) {
        Credentials login = source.credentials();
        if (login == null) {
            throw new RefusedUpstreamException("xtream source " + source.id() + ": no credentials");
        }
        String base = source.url().toString().replaceAll("/+$", "").replaceAll("/player_api\\.php$", "");
        SkippedEntries skipped = new SkippedEntries(log, "xtream item", source.id(), progress);
        Map<String, String> facts = new LinkedHashMap<>();
        if (source.includeVod()) {
            Map<String, String> categories = categories(source, api(base, login, "get_vod_categories"));
            long[] movies = {0};
            read(source, api(base, login, "get_vod_streams"), progress, skipped, (m, panel) -> {
                String problem = problem(m, "stream_id");
                if (problem != null) {
                    skipped.add("get_vod_streams: " + problem);
                    return;
                }
                sink.movie(new VodMovie(
                        source.id(),
                        integer(m.get("stream_id")),
                        text(m.get("name")),
                        categories.get(text(m.get("category_id"))),
                        optional(m.get("stream_icon")),
                        extension(m.get("container_extension")),
                        panel));
                movies[0]++;
            });
            facts.put("xtream_movies", Long.toString(movies[0]));
        }
        if (source.includeSeries()) {
            facts.put("xtream_series", Long.toString(series(source, base, login, sink, progress, skipped)));
        }
        skipped.summarise();
        return facts;
    }

    /** The series list first (small), then the episodes of each; returns how many series were stored. */
    private long series(
            StreamSource source,
            String base,
            Credentials login,
            VodSink sink,
            IngestionProgress progress,
            SkippedEntries skipped) {
        Map<String, String> categories = categories(source, api(base, login, "get_series_categories"));
        List<String> ids = new ArrayList<>();
        read(source, api(base, login, "get_series"), progress, skipped, (s, panel) -> {
            String problem = problem(s, "series_id");
            if (problem != null) {
                skipped.add("get_series: " + problem);
                return;
            }
            String id = integer(s.get("series_id"));
            sink.series(new VodSeries(
                    source.id(),
                    id,
                    text(s.get("name")),
                    categories.get(text(s.get("category_id"))),
                    optional(s.get("cover")),
                    panel));
            ids.add(id);
        });
        for (String id : ids) {
            URI info = api(base, login, "get_series_info&series_id=" + XtreamChannelSourceHandler.encode(id));
            try (InputStream in = fetcher.open(info, source.userAgent(), MAX_BYTES)) {
                json.forEachPanelEpisode(in, "xtream get_series_info " + id, (e, panel) -> {
                    progress.entryRead();
                    VodEpisode episode = episode(source, id, e, panel);
                    if (episode == null) {
                        progress.entrySkipped();
                    } else {
                        sink.episode(episode);
                    }
                });
            } catch (IOException | TvarrException e) {
                progress.entrySkipped();
                log.info("xtream series skipped source_id={} series_id={} reason={}", source.id(), id, e.getMessage());
            }
        }
        return ids.size();
    }

    private static @Nullable VodEpisode episode(
            StreamSource source, String seriesId, Map<String, String> e, String panel) {
        String id = integer(e.get("id"));
        if (id == null) {
            return null;
        }
        String season = integer(e.get("season"));
        String number = integer(e.get("episode_num"));
        return new VodEpisode(
                source.id(),
                seriesId,
                id,
                season == null ? 0 : Math.max(0, parse(season)),
                number == null ? null : parse(number),
                text(e.get("title")),
                extension(e.get("container_extension")),
                panel);
    }

    /** Ids and numbers panels send may exceed an int; such a value reads as 0, which sorts it first, not fails. */
    private static int parse(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static @Nullable String problem(Map<String, String> item, String idField) {
        String id = text(item.get(idField));
        if (id.isEmpty()) {
            return "item without " + idField;
        }
        if (integer(id) == null) {
            return idField + " '" + abbreviate(id) + "' is not a number";
        }
        return text(item.get("name")).isEmpty() ? "item " + id + " without name" : null;
    }

    private Map<String, String> categories(StreamSource source, URI url) {
        Map<String, String> names = new HashMap<>();
        try (InputStream in = fetcher.open(url, source.userAgent(), MAX_BYTES)) {
            json.forEachObject(
                    in,
                    "xtream categories",
                    c -> {
                        String id = c.get("category_id");
                        if (id != null) {
                            String name = text(c.get("category_name"));
                            names.put(text(id), name.isEmpty() ? text(id) : name);
                        }
                    },
                    () -> {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private void read(
            StreamSource source,
            URI url,
            IngestionProgress progress,
            SkippedEntries skipped,
            BiConsumer<Map<String, String>, String> item) {
        String action = url.getQuery().replaceAll(".*action=", "");
        try (InputStream in = fetcher.open(url, source.userAgent(), MAX_BYTES)) {
            json.forEachPanelObject(
                    in,
                    "xtream " + action,
                    (fields, panel) -> {
                        progress.entryRead();
                        item.accept(fields, panel);
                    },
                    () -> {
                        progress.entryRead();
                        skipped.add(action + ": an element that is not an object");
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A container extension goes into stream URLs, so only a short alphanumeric one is taken; else none. */
    private static @Nullable String extension(@Nullable String value) {
        String text = text(value);
        return text.matches("[A-Za-z0-9]{1,8}") ? text : null;
    }
}
