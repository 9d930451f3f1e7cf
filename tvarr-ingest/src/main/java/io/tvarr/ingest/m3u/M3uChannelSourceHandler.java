package io.tvarr.ingest.m3u;

import io.tvarr.domain.PlainText;
import io.tvarr.domain.Redaction;
import io.tvarr.domain.UpstreamException;
import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.channel.ChannelSink;
import io.tvarr.domain.ingestion.IngestionProgress;
import io.tvarr.domain.source.SourceKind;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.port.out.ChannelSourceHandler;
import io.tvarr.domain.source.port.out.SourceFetcher;
import io.tvarr.ingest.fetch.ProgressInputStream;
import io.tvarr.ingest.fetch.SkippedEntries;
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
        SkippedEntries skipped = new SkippedEntries(log, "playlist entry", source.id(), progress);
        long[] entries = {0};
        try (InputStream body =
                ProgressInputStream.of(fetcher.open(source.url(), source.userAgent(), maxBytes), progress)) {
            parser.parse(body, new M3uListener() {
                @Override
                public void header(Map<String, String> attributes) {
                    String guide = attributes.getOrDefault("x-tvg-url", attributes.get("url-tvg"));
                    if (guide != null) {
                        // shown in the ingestion status: a panel's xmltv.php URL carries the account
                        facts.put("guide_urls", Redaction.redactUrl(PlainText.singleLine(guide)));
                    }
                }

                @Override
                public void entry(M3uEntry entry) {
                    progress.entryRead();
                    entries[0]++;
                    sink.accept(toChannel(source, entry, keys));
                }

                @Override
                public void malformed(int line, String reason) {
                    skipped.add(reason);
                }
            });
        } catch (IOException e) {
            throw new UpstreamException(where + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            // a download cut off half-way is the provider's failure, not tvarr's: the parser met it while reading
            throw new UpstreamException(where + ": " + e.getMessage(), e);
        }
        skipped.summarise();
        if (entries[0] == 0 && skipped.count() > 0) {
            // a guide or a web page added as a playlist: failing keeps the channels of the last good refresh
            throw new UpstreamException(where + ": not an M3U playlist, no entry recognised (" + skipped.count()
                    + " lines skipped, the first: " + skipped.first() + ")");
        }
        return facts;
    }

    /** Every text is cleaned on the way in ({@link PlainText}), so no control character reaches the outputs. */
    static Channel toChannel(StreamSource source, M3uEntry entry, ChannelKeys keys) {
        Map<String, String> a = entry.attributes();
        String tvgId = value(a.get("tvg-id"));
        String title = value(entry.title());
        String tvgName = value(a.get("tvg-name"));
        String url = value(entry.url());
        String name = !title.isEmpty() ? title : !tvgName.isEmpty() ? tvgName : url;
        Map<String, String> attributes = new LinkedHashMap<>();
        a.forEach((k, v) -> {
            if (!MAPPED.contains(k)) {
                attributes.put(PlainText.singleLine(k), PlainText.singleLine(v));
            }
        });
        entry.options().forEach((k, v) -> attributes.put(PlainText.singleLine(k), PlainText.singleLine(v)));
        if (!entry.kodiProperties().isEmpty()) {
            attributes.put(
                    "kodiprop",
                    String.join(
                            "\n",
                            entry.kodiProperties().stream()
                                    .map(PlainText::singleLine)
                                    .toList()));
        }
        String chno = a.containsKey("tvg-chno") ? a.get("tvg-chno") : a.get("channel-number");
        String group = a.containsKey("group-title") ? a.get("group-title") : entry.group();
        return Channel.of(
                source.id(),
                keys.keyFor(tvgId, url),
                tvgId,
                a.containsKey("tvg-name") ? tvgName : null,
                nullable(chno),
                name,
                nullable(group),
                nullable(a.get("tvg-logo")),
                url,
                attributes);
    }

    private static String value(@Nullable String text) {
        return text == null ? "" : PlainText.singleLine(text).strip();
    }

    private static @Nullable String nullable(@Nullable String text) {
        return text == null ? null : PlainText.singleLine(text);
    }
}
