package io.tvarr.examples;

import io.tvarr.app.Tvarr;
import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.channel.ChannelQuery;
import io.tvarr.domain.filter.Filter;
import io.tvarr.domain.filter.port.in.SaveFilterCommand;
import io.tvarr.domain.ingestion.IngestionStatus;
import io.tvarr.domain.mapping.DataMappingRule;
import io.tvarr.domain.mapping.port.in.SaveMappingRuleCommand;
import io.tvarr.domain.proxy.DeliveryMode;
import io.tvarr.domain.proxy.GenerationReport;
import io.tvarr.domain.proxy.Numbering;
import io.tvarr.domain.proxy.NumberingMode;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.in.SaveProxyCommand;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.port.in.SaveStreamSourceCommand;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * tvarr embedded in a program: ingest an M3U file, drop the shopping channels, strip " HD" from names, number the
 * rest from 100, write the playlist and guide, then read the first bytes of one channel through the relay.
 *
 * <p>Usage: {@code EmbeddedTvarr PLAYLIST.m3u OUT_DIR}
 */
public final class EmbeddedTvarr {
    private EmbeddedTvarr() {}

    public static void main(String[] args) throws IOException {
        Path playlist = Path.of(args[0]).toAbsolutePath();
        Path out = Path.of(args[1]);
        try (Tvarr tvarr = Tvarr.builder()
                .dataDir(out.resolve("data"))
                .allowSourceDirectory(playlist.getParent())
                .build()) {
            StreamSource provider = tvarr.sources()
                    .create(SaveStreamSourceCommand.m3u(
                            "provider", playlist.toUri().toString()));
            IngestionStatus ingested = tvarr.sourceIngestion().ingest(provider.id());
            System.out.println("ingested " + ingested.lastCount() + " channels");

            Filter noShopping = tvarr.filters()
                    .create(SaveFilterCommand.excludeChannels("no shopping", "group_title contains \"Shopping\""));
            DataMappingRule noHd = tvarr.mappingRules()
                    .create(SaveMappingRuleCommand.channels(
                            "no HD suffix", "channel_name matches \"^(.*) HD$\" SET channel_name = \"$1\""));
            StreamProxy living = tvarr.proxies()
                    .create(SaveProxyCommand.named("living room")
                            .withSources(provider.id())
                            .withFilters(noShopping.id())
                            .withMappingRules(noHd.id())
                            .withNumbering(new Numbering(NumberingMode.SEQUENTIAL, 100, 100))
                            .withDelivery(DeliveryMode.PROXY, null));

            GenerationReport report = tvarr.generation().generate(living.id());
            try (InputStream m3u = tvarr.openPlaylist(living.id());
                    InputStream xmltv = tvarr.openGuide(living.id())) {
                Files.copy(m3u, out.resolve("playlist.m3u"), StandardCopyOption.REPLACE_EXISTING);
                Files.copy(xmltv, out.resolve("epg.xml"), StandardCopyOption.REPLACE_EXISTING);
            }
            System.out.println("published " + report.channels() + " channels to " + out.resolve("playlist.m3u"));

            Channel news = tvarr.channels()
                    .page(new ChannelQuery(provider.id(), null, "News", 0, 1))
                    .items()
                    .get(0);
            try (InputStream stream = tvarr.openChannel(living.slug(), news.id().toString())) {
                byte[] packet = stream.readNBytes(188);
                System.out.println("read " + packet.length + " bytes of " + news.name());
            }
        }
    }
}
