package io.tvarr.pipeline;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.StorageException;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.output.port.in.ReadOutputAccessUseCase;
import io.tvarr.domain.proxy.LineupChannel;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.port.in.ListLineupUseCase;
import io.tvarr.pipeline.output.LineupReader;
import io.tvarr.pipeline.output.LineupRow;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads the lineup {@link ProxyGenerator} publishes beside each playlist, row by row, and gives each channel the
 * tuner stream URL {@code {baseUrl}/proxy/{outputKey}/{channelId}?tuner=1} (the key is the token of a token proxy,
 * else its id), which the relay always serves as a stream. The base URL and the key are asked at each read, so a
 * rotated token is in the next lineup at once. Thread-safe.
 */
public final class PublishedLineups implements ListLineupUseCase {
    private final ProxyGenerator generator;
    private final PipelineSettings settings;
    private final ReadOutputAccessUseCase access;

    public PublishedLineups(ProxyGenerator generator, PipelineSettings settings, ReadOutputAccessUseCase access) {
        this.generator = generator;
        this.settings = settings;
        this.access = access;
    }

    @Override
    public void forEachChannel(ProxyId proxy, Consumer<LineupChannel> sink) {
        Path file = published(proxy);
        String streams =
                settings.currentBaseUrl() + "/proxy/" + access.read(proxy).outputKey() + "/";
        // an open file stays readable when a generation renames a new lineup over it, so a read never mixes two
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            LineupReader.read(in, file.toString(), row -> sink.accept(channel(row, streams)));
        } catch (IOException e) {
            throw new StorageException("lineup of proxy " + proxy + ": could not be read (" + e.getMessage() + ")", e);
        }
    }

    /** The lineup, generating the proxy first when it never was or was last generated before lineups existed. */
    private Path published(ProxyId proxy) {
        return generator.lineup(proxy).orElseGet(() -> {
            generator.generate(proxy);
            return generator
                    .lineup(proxy)
                    .orElseThrow(() -> new NotFoundException("proxy " + proxy + ": lineup was not published"));
        });
    }

    private static LineupChannel channel(LineupRow row, String streams) {
        return new LineupChannel(
                row.number(),
                row.name(),
                row.guideId(),
                row.group(),
                ChannelId.parse(row.channel()),
                streams + row.channel() + "?tuner=1");
    }
}
