package io.tvarr.ingest.xtream;

import static io.tvarr.ingest.xtream.XtreamValues.abbreviate;
import static io.tvarr.ingest.xtream.XtreamValues.flag;
import static io.tvarr.ingest.xtream.XtreamValues.integer;
import static io.tvarr.ingest.xtream.XtreamValues.optional;
import static io.tvarr.ingest.xtream.XtreamValues.text;

import io.tvarr.domain.RefusedUpstreamException;
import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.channel.ChannelSink;
import io.tvarr.domain.ingestion.IngestionProgress;
import io.tvarr.domain.source.Credentials;
import io.tvarr.domain.source.SourceKind;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.port.out.ChannelSourceHandler;
import io.tvarr.domain.source.port.out.SourceFetcher;
import io.tvarr.ingest.fetch.SkippedEntries;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Xtream Codes account as a channel source: account check, live categories and streams, read with Jackson's
 * streaming parser (movies and series are VOD, read by {@link XtreamVodSourceHandler}). Numbers sent as strings, nulls, empty strings and
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
        SkippedEntries skipped = new SkippedEntries(log, "xtream entry", source.id(), progress);
        readStreams(source, api(base, login, "get_live_streams"), progress, skipped, stream -> {
            sink.accept(live(source, base, login, stream, categories));
        });
        skipped.summarise();
        return facts;
    }

    /**
     * Reads a streams array; an element that is not an object, lacks a name, or whose stream_id is not a number is
     * skipped and counted, and the elements after it are still read.
     */
    private void readStreams(
            StreamSource source,
            URI url,
            IngestionProgress progress,
            SkippedEntries skipped,
            Consumer<Map<String, String>> valid) {
        String action = action(url);
        read(
                source,
                url,
                stream -> {
                    progress.entryRead();
                    String problem = problem(stream);
                    if (problem == null) {
                        valid.accept(stream);
                    } else {
                        skipped.add(action + ": " + problem);
                    }
                },
                () -> {
                    progress.entryRead();
                    skipped.add(action + ": an element that is not an object");
                });
    }

    private static @Nullable String problem(Map<String, String> stream) {
        String id = text(stream.get("stream_id"));
        if (id.isEmpty()) {
            return "stream without stream_id";
        }
        if (integer(id) == null) {
            return "stream_id '" + abbreviate(id) + "' is not a number";
        }
        return text(stream.get("name")).isEmpty() ? "stream " + id + " without name" : null;
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
        read(
                source,
                api(base, login, action),
                c -> {
                    String id = c.get("category_id");
                    if (id != null) {
                        String name = text(c.get("category_name"));
                        names.put(text(id), name.isEmpty() ? text(id) : name);
                    }
                },
                () -> {});
        return names;
    }

    private void read(StreamSource source, URI url, Consumer<Map<String, String>> consumer, Runnable notAnObject) {
        try (InputStream in = fetcher.open(url, source.userAgent(), MAX_BYTES)) {
            json.forEachObject(in, "xtream " + action(url), consumer, notAnObject);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String action(URI url) {
        return url.getQuery().replaceAll(".*action=", "");
    }

    /** A live stream that passed {@link #problem}. */
    private static Channel live(
            StreamSource source,
            String base,
            Credentials login,
            Map<String, String> s,
            Map<String, String> categories) {
        String id = requireInteger(s.get("stream_id"));
        String name = text(s.get("name"));
        Map<String, String> attributes = new LinkedHashMap<>();
        if (flag(s.get("tv_archive"))) {
            attributes.put("catchup", "xc");
            putIfPresent(attributes, "catchup-days", integer(s.get("tv_archive_duration")));
        }
        if (flag(s.get("is_adult"))) {
            attributes.put("is-adult", "1");
        }
        attributes.put("xtream-stream-id", id);
        String url = base + "/live/" + encode(login.username()) + "/" + encode(login.password()) + "/" + id + "."
                + source.xtreamOutput().extension();
        return Channel.of(
                source.id(),
                "live:" + id,
                optional(s.get("epg_channel_id")),
                name,
                integer(s.get("num")),
                name,
                categories.get(text(s.get("category_id"))),
                optional(s.get("stream_icon")),
                url,
                attributes);
    }

    static URI api(String base, Credentials login, @Nullable String action) {
        String query = "username=" + encode(login.username()) + "&password=" + encode(login.password())
                + (action == null ? "" : "&action=" + action);
        return URI.create(base + "/player_api.php?" + query);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String requireInteger(@Nullable String value) {
        String id = integer(value);
        if (id == null) {
            throw new IllegalStateException("checked before: " + value);
        }
        return id;
    }

    private static void putIfPresent(Map<String, String> map, String key, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }
}
