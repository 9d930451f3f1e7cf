package io.tvarr.ingest.xtream;

import io.tvarr.domain.Failures;
import io.tvarr.domain.Redaction;
import io.tvarr.domain.RefusedUpstreamException;
import io.tvarr.domain.TvarrException;
import io.tvarr.domain.epg.EpgChannel;
import io.tvarr.domain.epg.EpgProgramme;
import io.tvarr.domain.epg.EpgSink;
import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.epg.LocalizedText;
import io.tvarr.domain.ingestion.IngestionProgress;
import io.tvarr.domain.source.Credentials;
import io.tvarr.domain.source.port.out.SourceFetcher;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guide of an Xtream panel whose {@code xmltv.php} is empty, asked per stream: {@code get_simple_data_table}
 * (the whole table), else {@code get_short_epg}. Titles and descriptions come base64-encoded and are decoded
 * (text that is not base64 is kept as it is). Only live streams with an {@code epg_channel_id} are asked, once
 * per guide channel; a stream whose listing fails is logged and counted, and the others go on.
 */
public final class XtreamShortEpg {
    private static final Logger log = LoggerFactory.getLogger(XtreamShortEpg.class);
    private static final long MAX_BYTES = 64L * 1024 * 1024;
    private static final DateTimeFormatter PANEL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final SourceFetcher fetcher;
    private final XtreamJson json = new XtreamJson();

    public XtreamShortEpg(SourceFetcher fetcher) {
        this.fetcher = fetcher;
    }

    private record Stream(
            String streamId, String name, @Nullable String icon) {}

    /** Reads the guide stream by stream; returns how many programmes went to the sink. */
    public long ingest(EpgSource source, EpgSink sink, IngestionProgress progress) {
        Credentials login = source.credentials();
        if (login == null) {
            throw new RefusedUpstreamException("xtream guide " + source.id() + ": no credentials");
        }
        String base = source.url().toString().replaceAll("/+$", "").replaceAll("/(player_api|xmltv)\\.php$", "");
        Map<String, Stream> channels = new LinkedHashMap<>();
        read(source, api(base, login, "get_live_streams"), stream -> {
            String epgId = text(stream.get("epg_channel_id"));
            String streamId = XtreamValues.integer(stream.get("stream_id"));
            if (!epgId.isEmpty() && streamId != null) {
                String name = text(stream.get("name"));
                channels.putIfAbsent(
                        epgId, new Stream(streamId, name.isEmpty() ? epgId : name, blank(stream.get("stream_icon"))));
            }
        });
        long[] programmes = {0};
        int failed = 0;
        for (Map.Entry<String, Stream> channel : channels.entrySet()) {
            String epgId = channel.getKey();
            Stream stream = channel.getValue();
            sink.channel(new EpgChannel(
                    source.id(), epgId, List.of(new LocalizedText(stream.name(), null)), blank(stream.icon()), null));
            try {
                List<Map<String, String>> listings = listings(source, base, login, stream.streamId());
                for (Map<String, String> listing : listings) {
                    EpgProgramme programme = programme(source, epgId, listing);
                    if (programme == null) {
                        progress.entrySkipped();
                    } else {
                        progress.entryRead();
                        sink.programme(programme);
                        programmes[0]++;
                    }
                }
            } catch (TvarrException e) {
                failed++;
                log.info(
                        "xtream listing skipped source_id={} stream_id={} reason={}",
                        source.id(),
                        stream.streamId(),
                        e.getMessage());
            }
        }
        log.info(
                "xtream short guide read source_id={} channels={} programmes={} failed_streams={}",
                source.id(),
                channels.size(),
                programmes[0],
                failed);
        return programmes[0];
    }

    private List<Map<String, String>> listings(EpgSource source, String base, Credentials login, String streamId) {
        List<Map<String, String>> listings = new ArrayList<>();
        try {
            readListings(source, api(base, login, "get_simple_data_table&stream_id=" + streamId), listings::add);
        } catch (TvarrException e) {
            log.debug("get_simple_data_table failed stream_id={} reason={}", streamId, e.getMessage());
        }
        if (listings.isEmpty()) {
            readListings(source, api(base, login, "get_short_epg&stream_id=" + streamId + "&limit=100"), listings::add);
        }
        return listings;
    }

    private @Nullable EpgProgramme programme(EpgSource source, String channel, Map<String, String> listing) {
        String title = text(decode(listing.get("title")));
        Instant start = time(source, listing.get("start_timestamp"), listing.get("start"));
        Instant stop = time(source, listing.get("stop_timestamp"), listing.getOrDefault("end", listing.get("stop")));
        if (title.isBlank() || start == null || stop == null || !stop.isAfter(start)) {
            return null;
        }
        Duration shift = Duration.ofMinutes(source.timeShiftMinutes());
        return new EpgProgramme(
                source.id(),
                channel,
                start.plus(shift),
                stop.plus(shift),
                title,
                blank(listing.get("lang")),
                null,
                description(decode(listing.get("description"))),
                List.of(),
                null,
                null,
                null,
                null,
                Set.of(),
                null);
    }

    /** Epoch seconds when given (they are UTC); else the panel's local "yyyy-MM-dd HH:mm:ss" in the source zone. */
    private static @Nullable Instant time(EpgSource source, @Nullable String epochSeconds, @Nullable String local) {
        String epoch = text(epochSeconds);
        if (epoch.matches("\\d{9,11}")) {
            return Instant.ofEpochSecond(Long.parseLong(epoch));
        }
        String text = text(local);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text, PANEL_TIME).atZone(source.zone()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String decode(@Nullable String value) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            return "";
        }
        try {
            return new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8).strip();
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private void read(EpgSource source, URI url, java.util.function.Consumer<Map<String, String>> consumer) {
        String what = "xtream " + url.getQuery().replaceAll(".*action=", "");
        try (InputStream in = fetcher.open(url, source.userAgent(), MAX_BYTES)) {
            json.forEachObject(in, what, consumer, () -> {});
        } catch (IOException e) {
            throw new UncheckedIOException(Redaction.redactUrl(url.toString()) + ": " + Failures.describe(e), e);
        }
    }

    private void readListings(EpgSource source, URI url, java.util.function.Consumer<Map<String, String>> consumer) {
        String what = "xtream " + url.getQuery().replaceAll(".*action=", "");
        try (InputStream in = fetcher.open(url, source.userAgent(), MAX_BYTES)) {
            json.forEachObjectIn(in, "epg_listings", what, consumer, () -> {});
        } catch (IOException e) {
            throw new UncheckedIOException(Redaction.redactUrl(url.toString()) + ": " + Failures.describe(e), e);
        }
    }

    private static URI api(String base, Credentials login, String action) {
        return URI.create(base + "/player_api.php?username="
                + URLEncoder.encode(login.username(), StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(login.password(), StandardCharsets.UTF_8) + "&action=" + action);
    }

    private static String text(@Nullable String value) {
        return XtreamValues.text(value);
    }

    private static @Nullable String description(String decoded) {
        String text = XtreamValues.multiLine(decoded);
        return text.isEmpty() ? null : text;
    }

    private static @Nullable String blank(@Nullable String value) {
        return XtreamValues.optional(value);
    }
}
