package io.tvarr.app;

import io.tvarr.domain.epg.EpgSourceKind;
import io.tvarr.domain.ingestion.service.ChannelIngestionService;
import io.tvarr.domain.ingestion.service.ExclusiveIngestions;
import io.tvarr.domain.ingestion.service.GuideIngestionService;
import io.tvarr.domain.source.service.XtreamAccountTester;
import io.tvarr.ingest.fetch.FetchSettings;
import io.tvarr.ingest.fetch.HttpSourceFetcher;
import io.tvarr.ingest.m3u.M3uChannelSourceHandler;
import io.tvarr.ingest.m3u.M3uLimits;
import io.tvarr.ingest.xmltv.XmltvEpgSourceHandler;
import io.tvarr.ingest.xtream.XtreamApiAccountReader;
import io.tvarr.ingest.xtream.XtreamChannelSourceHandler;
import io.tvarr.ingest.xtream.XtreamVodSourceHandler;
import io.tvarr.persistence.JdbiPersistence;
import java.time.Clock;
import java.util.List;

/** Channel and guide ingestion wired to every source handler; shared by the server and the one-shot command. */
record IngestionServices(
        ChannelIngestionService channels, GuideIngestionService guides, XtreamAccountTester xtreamAccounts) {

    static IngestionServices wire(
            FetchSettings fetch, JdbiPersistence persistence, ExclusiveIngestions ingestions, Clock clock) {
        HttpSourceFetcher fetcher = new HttpSourceFetcher(fetch);
        return new IngestionServices(
                new ChannelIngestionService(
                        persistence.streamSources(),
                        persistence.channels(),
                        List.of(
                                new M3uChannelSourceHandler(fetcher, M3uLimits.DEFAULT),
                                new XtreamChannelSourceHandler(fetcher)),
                        new ChannelIngestionService.OnDemand(
                                persistence.vod(), List.of(new XtreamVodSourceHandler(fetcher))),
                        ingestions),
                new GuideIngestionService(
                        persistence.epgSources(),
                        persistence.epg(),
                        List.of(
                                new XmltvEpgSourceHandler(fetcher, EpgSourceKind.XMLTV),
                                new XmltvEpgSourceHandler(fetcher, EpgSourceKind.XTREAM)),
                        ingestions,
                        clock),
                // the same fetcher: a test login is refused what a refresh would be refused
                new XtreamAccountTester(new XtreamApiAccountReader(fetcher)));
    }
}
