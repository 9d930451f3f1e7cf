package io.tvarr.ingest.xtream;

import io.tvarr.domain.RefusedUpstreamException;
import io.tvarr.domain.TvarrException;
import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.channel.ChannelSink;
import io.tvarr.domain.ingestion.IngestionProgress;
import io.tvarr.domain.source.Credentials;
import io.tvarr.domain.source.SourceKind;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.port.out.ChannelSourceHandler;
import io.tvarr.domain.source.port.out.SourceFetcher;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Xtream Codes account as a channel source: account check, live categories and streams (and VOD when the
 * source asks for it), read with Jackson's streaming parser. Numbers sent as strings, nulls, empty strings and
 * missing fields are all tolerated. Credentials only ever appear in URLs sent to the panel.
 */
public final class XtreamChannelSourceHandler implements ChannelSourceHandler {
    private static final Logger log = LoggerFactory.getLogger(XtreamChannelSourceHandler.class);

    private static final long MAX_BYTES = 512L * 1024 * 1024;

    private final SourceFetcher fetcher;
    private final XtreamJson json = new XtreamJson();

    public XtreamChannelSourceHandler(SourceFetcher fetcher) {
        this.fetcher = fetcher;
    }

    @Override
    public SourceKind kind() {
        return SourceKind.XTREAM;
    }

    @Override
    public Map<String, String> ingest(StreamSource source, ChannelSink sink, IngestionProgress progress) {
        Credentials login = source.credentials();
        if (login == null) {
            throw new RefusedUpstreamException("xtream source " + source.id() + ": no credentials");
        }
        String base = source.url().toString().replaceAll("/+$", "").replaceAll("/player_api\\.php$", "");
        Map<String, String> facts = account(source, base, login);
        Map<String, String> categories = categories(source, base, login, "get_live_categories");
        read(source, api(base, login, "get_live_streams"), stream -> {
            progress.entryRead();
            Channel channel = live(source, base, login, stream, categories);
            if (channel == null) {
                progress.entrySkipped();
            } else {
                sink.accept(channel);
            }
        });
        if (source.includeVod()) {
            Map<String, String> vodCategories = categories(source, base, login, "get_vod_categories");
            read(source, api(base, login, "get_vod_streams"), movie -> {
                progress.entryRead();
                Channel channel = vod(source, base, login, movie, vodCategories);
                if (channel == null) {
                    progress.entrySkipped();
                } else {
                    sink.accept(channel);
                }
            });
            facts.put("xtream_series", Long.toString(series(source, base, login, sink, progress)));
        }
        return facts;
    }

    /** A series to expand into its episodes. */
    private record Series(
            String id,
            String name,
            @Nullable String group,
            @Nullable String cover) {}

    /**
     * Series episodes become channels too: the series list first (small), then {@code get_series_info} per series.
     * A series whose episodes cannot be read is logged and skipped; the others go on. Returns the series read.
     */
    private long series(
            StreamSource source, String base, Credentials login, ChannelSink sink, IngestionProgress progress) {
        Map<String, String> seriesCategories = categories(source, base, login, "get_series_categories");
        List<Series> all = new ArrayList<>();
        read(source, api(base, login, "get_series"), s -> {
            String id = text(s.get("series_id"));
            String name = text(s.get("name"));
            if (!id.isEmpty() && !name.isEmpty()) {
                all.add(new Series(id, name, seriesCategories.get(text(s.get("category_id"))), s.get("cover")));
            }
        });
        for (Series series : all) {
            URI info = api(base, login, "get_series_info&series_id=" + encode(series.id()));
            try (InputStream in = fetcher.open(info, source.userAgent(), MAX_BYTES)) {
                json.forEachEpisode(in, "xtream get_series_info " + series.id(), e -> {
                    progress.entryRead();
                    Channel channel = episode(source, base, login, series, e);
                    if (channel == null) {
                        progress.entrySkipped();
                    } else {
                        sink.accept(channel);
                    }
                });
            } catch (IOException | TvarrException e) {
                progress.entrySkipped();
                log.info(
                        "xtream series skipped source_id={} series_id={} reason={}",
                        source.id(),
                        series.id(),
                        e.getMessage());
            }
        }
        return all.size();
    }

    private static @Nullable Channel episode(
            StreamSource source, String base, Credentials login, Series series, Map<String, String> e) {
        String id = text(e.get("id"));
        if (id.isEmpty()) {
            return null;
        }
        String season = text(e.get("season"));
        String number = text(e.get("episode_num"));
        String title = text(e.get("title"));
        String code = season.matches("\\d+") && number.matches("\\d+")
                ? String.format(Locale.ROOT, "S%02dE%02d", Integer.parseInt(season), Integer.parseInt(number))
                : "";
        String name = title.toLowerCase(Locale.ROOT).contains(series.name().toLowerCase(Locale.ROOT))
                ? title
                : String.join(" ", series.name(), code, title)
                        .replaceAll("\\s+", " ")
                        .strip();
        String extension = text(e.getOrDefault("container_extension", "mp4"));
        String url = base + "/series/" + encode(login.username()) + "/" + encode(login.password()) + "/" + id + "."
                + (extension.isEmpty() ? "mp4" : extension);
        return Channel.of(
                source.id(),
                "episode:" + id,
                null,
                name,
                null,
                name,
                series.group(),
                series.cover(),
                url,
                Map.of("xtream-series-id", series.id(), "xtream-episode-id", id));
    }

    private Map<String, String> account(StreamSource source, String base, Credentials login) {
        Map<String, String> info;
        try (InputStream in = fetcher.open(api(base, login, null), source.userAgent(), 1024 * 1024)) {
            info = json.readObject(in, "xtream account " + login.username());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!"1".equals(info.get("user_info.auth"))) {
            throw new RefusedUpstreamException("xtream login refused for user '" + login.username() + "' at " + base);
        }
        String status = info.getOrDefault("user_info.status", "");
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("xtream_status", status);
        String expiry = info.get("user_info.exp_date");
        if (expiry != null && expiry.matches("\\d+")) {
            Instant expires = Instant.ofEpochSecond(Long.parseLong(expiry));
            facts.put("xtream_expires_at", expires.toString());
        }
        putIfPresent(facts, "xtream_max_connections", info.get("user_info.max_connections"));
        putIfPresent(facts, "xtream_active_connections", info.get("user_info.active_cons"));
        putIfPresent(facts, "xtream_trial", info.get("user_info.is_trial"));
        if (!status.equalsIgnoreCase("Active")) {
            throw new RefusedUpstreamException("xtream account '" + login.username() + "' is "
                    + status.toLowerCase(Locale.ROOT) + " (expected: active)");
        }
        return facts;
    }

    private Map<String, String> categories(StreamSource source, String base, Credentials login, String action) {
        Map<String, String> names = new HashMap<>();
        read(source, api(base, login, action), c -> {
            String id = c.get("category_id");
            if (id != null) {
                names.put(id, c.getOrDefault("category_name", id));
            }
        });
        return names;
    }

    private void read(StreamSource source, URI url, Consumer<Map<String, String>> consumer) {
        String action = url.getQuery().replaceAll(".*action=", "");
        try (InputStream in = fetcher.open(url, source.userAgent(), MAX_BYTES)) {
            json.forEachObject(in, "xtream " + action, consumer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static @Nullable Channel live(
            StreamSource source,
            String base,
            Credentials login,
            Map<String, String> s,
            Map<String, String> categories) {
        String id = text(s.get("stream_id"));
        String name = text(s.get("name"));
        if (id.isEmpty() || name.isEmpty()) {
            return null;
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        if ("1".equals(s.get("tv_archive"))) {
            attributes.put("catchup", "xc");
            putIfPresent(attributes, "catchup-days", text(s.get("tv_archive_duration")));
        }
        if ("1".equals(s.get("is_adult"))) {
            attributes.put("is-adult", "1");
        }
        attributes.put("xtream-stream-id", id);
        String url = base + "/live/" + encode(login.username()) + "/" + encode(login.password()) + "/" + id + "."
                + source.xtreamOutput().extension();
        return Channel.of(
                source.id(),
                "live:" + id,
                s.get("epg_channel_id"),
                name,
                s.get("num"),
                name,
                categories.get(text(s.get("category_id"))),
                s.get("stream_icon"),
                url,
                attributes);
    }

    private static @Nullable Channel vod(
            StreamSource source,
            String base,
            Credentials login,
            Map<String, String> m,
            Map<String, String> categories) {
        String id = text(m.get("stream_id"));
        String name = text(m.get("name"));
        if (id.isEmpty() || name.isEmpty()) {
            return null;
        }
        String extension = text(m.getOrDefault("container_extension", "mp4"));
        String url = base + "/movie/" + encode(login.username()) + "/" + encode(login.password()) + "/" + id + "."
                + (extension.isEmpty() ? "mp4" : extension);
        return Channel.of(
                source.id(),
                "movie:" + id,
                null,
                name,
                null,
                name,
                categories.get(text(m.get("category_id"))),
                m.get("stream_icon"),
                url,
                Map.of("xtream-vod-id", id));
    }

    private static URI api(String base, Credentials login, @Nullable String action) {
        String query = "username=" + encode(login.username()) + "&password=" + encode(login.password())
                + (action == null ? "" : "&action=" + action);
        return URI.create(base + "/player_api.php?" + query);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    private static void putIfPresent(Map<String, String> map, String key, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }
}
