package io.tvarr.ingest.m3u;

import io.tvarr.domain.Redaction;
import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.channel.ChannelSink;
import io.tvarr.domain.ingestion.IngestionProgress;
import io.tvarr.domain.source.SourceKind;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.port.out.ChannelSourceHandler;
import io.tvarr.domain.source.port.out.SourceFetcher;
import io.tvarr.ingest.fetch.ProgressInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * M3U playlists as a channel source. Known attributes become channel fields; every other attribute, the
 * {@code #EXTVLCOPT} options (http-user-agent, http-referrer, http-origin…) and {@code #KODIPROP} lines are kept
 * in the channel's attributes ({@code kodiprop} holds the lines joined by newlines).
 */
public final class M3uChannelSourceHandler implements ChannelSourceHandler {
    private static final Logger log = LoggerFactory.getLogger(M3uChannelSourceHandler.class);
    private static final Set<String> MAPPED =
            Set.of("tvg-id", "tvg-name", "tvg-logo", "tvg-chno", "channel-number", "group-title");

    private final SourceFetcher fetcher;
    private final M3uParser parser;
    private final long maxBytes;

    public M3uChannelSourceHandler(SourceFetcher fetcher, M3uLimits limits) {
        this.fetcher = fetcher;
        this.parser = new M3uParser(limits);
        this.maxBytes = limits.maxBodyChars();
    }

    @Override
    public SourceKind kind() {
        return SourceKind.M3U;
    }

    @Override
    public Map<String, String> ingest(StreamSource source, ChannelSink sink, IngestionProgress progress) {
        ChannelKeys keys = new ChannelKeys();
        Map<String, String> facts = new LinkedHashMap<>();
        String where = Redaction.redactUrl(source.url().toString());
        try (InputStream body =
                new ProgressInputStream(fetcher.open(source.url(), source.userAgent(), maxBytes), progress)) {
            parser.parse(body, new M3uListener() {
                @Override
                public void header(Map<String, String> attributes) {
                    String guide = attributes.getOrDefault("x-tvg-url", attributes.get("url-tvg"));
                    if (guide != null) {
                        facts.put("guide_urls", guide);
                    }
                }

                @Override
                public void entry(M3uEntry entry) {
                    progress.entryRead();
                    sink.accept(toChannel(source, entry, keys));
                }

                @Override
                public void malformed(int line, String reason) {
                    progress.entrySkipped();
                    log.info("playlist entry skipped source_id={} url={} reason={}", source.id(), where, reason);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(where + ": " + e.getMessage(), e);
        }
        return facts;
    }

    static Channel toChannel(StreamSource source, M3uEntry entry, ChannelKeys keys) {
        Map<String, String> a = entry.attributes();
        String tvgId = value(a.get("tvg-id"));
        String title = value(entry.title());
        String name = !title.isEmpty() ? title : !value(a.get("tvg-name")).isEmpty() ? a.get("tvg-name") : entry.url();
        Map<String, String> attributes = new LinkedHashMap<>();
        a.forEach((k, v) -> {
            if (!MAPPED.contains(k)) {
                attributes.put(k, v);
            }
        });
        entry.options().forEach(attributes::put);
        if (!entry.kodiProperties().isEmpty()) {
            attributes.put("kodiprop", String.join("\n", entry.kodiProperties()));
        }
        String chno = a.containsKey("tvg-chno") ? a.get("tvg-chno") : a.get("channel-number");
        String group = a.containsKey("group-title") ? a.get("group-title") : entry.group();
        return Channel.of(
                source.id(),
                keys.keyFor(tvgId, title, entry.url()),
                tvgId,
                a.get("tvg-name"),
                chno,
                name,
                group,
                a.get("tvg-logo"),
                entry.url(),
                attributes);
    }

    private static String value(@Nullable String text) {
        return text == null ? "" : text.strip();
    }
}
