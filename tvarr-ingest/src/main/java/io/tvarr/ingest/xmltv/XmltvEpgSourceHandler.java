package io.tvarr.ingest.xmltv;

import io.tvarr.domain.Redaction;
import io.tvarr.domain.RefusedUpstreamException;
import io.tvarr.domain.UpstreamException;
import io.tvarr.domain.epg.EpgChannel;
import io.tvarr.domain.epg.EpgProgramme;
import io.tvarr.domain.epg.EpgSink;
import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.epg.EpgSourceKind;
import io.tvarr.domain.epg.port.out.EpgSourceHandler;
import io.tvarr.domain.ingestion.IngestionProgress;
import io.tvarr.domain.source.Credentials;
import io.tvarr.domain.source.port.out.SourceFetcher;
import io.tvarr.ingest.fetch.ProgressInputStream;
import io.tvarr.ingest.fetch.SkippedEntries;
import io.tvarr.ingest.xtream.XtreamShortEpg;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guides in XMLTV: a plain XMLTV URL or file, or an Xtream account's {@code xmltv.php}. Both go through the
 * hardened streaming {@link XmltvParser}. When an Xtream panel's {@code xmltv.php} is empty, the guide is asked
 * per stream instead ({@link XtreamShortEpg}).
 */
public final class XmltvEpgSourceHandler implements EpgSourceHandler {
    private static final Logger log = LoggerFactory.getLogger(XmltvEpgSourceHandler.class);
    private static final long MAX_BYTES = 2L * 1024 * 1024 * 1024;

    private final SourceFetcher fetcher;
    private final EpgSourceKind kind;
    private final XmltvParser parser;
    private final XtreamShortEpg shortEpg;

    /** Reads sources of the given kind with {@link XmltvLimits#DEFAULT}. */
    public XmltvEpgSourceHandler(SourceFetcher fetcher, EpgSourceKind kind) {
        this(fetcher, kind, XmltvLimits.DEFAULT);
    }

    /** Reads sources of the given kind: XMLTV from the URL, or XTREAM through the panel's xmltv.php. */
    public XmltvEpgSourceHandler(SourceFetcher fetcher, EpgSourceKind kind, XmltvLimits limits) {
        this.fetcher = fetcher;
        this.kind = kind;
        this.parser = new XmltvParser(limits);
        this.shortEpg = new XtreamShortEpg(fetcher);
    }

    @Override
    public EpgSourceKind kind() {
        return kind;
    }

    @Override
    public Map<String, String> ingest(EpgSource source, EpgSink sink, IngestionProgress progress) {
        URI url = kind == EpgSourceKind.XTREAM ? xmltvPhp(source) : source.url();
        String where = Redaction.redactUrl(url.toString());
        long[] programmes = new long[1];
        long[] channels = new long[1];
        SkippedEntries skipped = new SkippedEntries(log, "guide entry", source.id(), progress);
        try (InputStream body = ProgressInputStream.of(fetcher.open(url, source.userAgent(), MAX_BYTES), progress)) {
            parser.parse(
                    body, new XmltvOptions(source.id(), source.zone(), source.timeShiftMinutes()), new XmltvListener() {
                        @Override
                        public void channel(EpgChannel channel) {
                            channels[0]++;
                            sink.channel(channel);
                        }

                        @Override
                        public void programme(EpgProgramme programme) {
                            progress.entryRead();
                            programmes[0]++;
                            sink.programme(programme);
                        }

                        @Override
                        public void malformed(int line, int column, String reason) {
                            skipped.add("line " + line + ", column " + column + ": " + reason);
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(where + ": " + e.getMessage(), e);
        }
        skipped.summarise();
        if (programmes[0] == 0 && channels[0] == 0 && skipped.count() > 0) {
            // nothing usable: failing keeps the guide of the last good refresh
            throw new UpstreamException(where + ": not an XMLTV guide, nothing recognised (" + skipped.count()
                    + " entries skipped, the first: " + skipped.first() + ")");
        }
        if (kind == EpgSourceKind.XTREAM && programmes[0] == 0) {
            log.info("xtream xmltv.php empty, asking per stream source_id={}", source.id());
            if (shortEpg.ingest(source, sink, progress) == 0) {
                throw new UpstreamException(
                        where
                                + ": the panel's xmltv.php returned no programmes, nor did get_simple_data_table or get_short_epg");
            }
            return Map.of("guide", "per-stream listings (xmltv.php was empty)");
        }
        return Map.of();
    }

    private static URI xmltvPhp(EpgSource source) {
        Credentials login = source.credentials();
        if (login == null) {
            throw new RefusedUpstreamException("xtream guide " + source.id() + ": no credentials");
        }
        String base = source.url().toString().replaceAll("/+$", "").replaceAll("/(player_api|xmltv)\\.php$", "");
        return URI.create(base + "/xmltv.php?username=" + URLEncoder.encode(login.username(), StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(login.password(), StandardCharsets.UTF_8));
    }
}
