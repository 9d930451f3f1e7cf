package io.tvarr.pipeline;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.StorageException;
import io.tvarr.domain.proxy.GuideMatch;
import io.tvarr.domain.proxy.GuideMatchTier;
import io.tvarr.domain.proxy.GuidePin;
import io.tvarr.domain.proxy.GuidePinStatus;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.port.in.ListGuideMatchesQuery;
import io.tvarr.domain.proxy.port.in.ListGuideMatchesUseCase;
import io.tvarr.domain.proxy.port.out.GuideMatchRepository;
import io.tvarr.pipeline.output.GuideMatchFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the guide matches {@link ProxyGenerator} publishes beside each playlist, page by page, and tells which pins
 * the last generation used. Thread-safe.
 */
public final class PublishedGuideMatches implements ListGuideMatchesUseCase {
    private final ProxyGenerator generator;
    private final GuideMatchRepository matches;

    public PublishedGuideMatches(ProxyGenerator generator, GuideMatchRepository matches) {
        this.generator = generator;
        this.matches = matches;
    }

    @Override
    public long forEachMatch(ListGuideMatchesQuery query, Consumer<GuideMatch> sink) {
        Path file = published(query.proxy());
        GuideMatchTier tier = query.tier();
        // an open file stays readable when a generation renames a new one over it, so a page never mixes two
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return GuideMatchFile.read(
                    in, file.toString(), t -> tier == null || t == tier, query.offset(), query.limit(), sink);
        } catch (IOException e) {
            throw new StorageException(
                    "guide matches of proxy " + query.proxy() + ": could not be read (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void forEachPin(ProxyId proxy, Consumer<GuidePinStatus> sink) {
        List<GuidePin> pins = new ArrayList<>();
        matches.forEachPin(proxy, pins::add);
        if (pins.isEmpty()) {
            return;
        }
        Set<String> used = new HashSet<>();
        Path file = published(proxy);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            GuideMatchFile.forEachChannel(in, file.toString(), GuideMatchTier.PINNED, used::add);
        } catch (IOException e) {
            throw new StorageException(
                    "guide matches of proxy " + proxy + ": could not be read (" + e.getMessage() + ")", e);
        }
        for (GuidePin pin : pins) {
            boolean orphaned = !used.contains(pin.channel().toString());
            sink.accept(new GuidePinStatus(
                    pin,
                    orphaned,
                    orphaned
                            ? "not used by the last generation: the channel is not among the output channels or guide"
                                    + " channel " + pin.guideChannelId() + " is not in the proxy's guides"
                            : null));
        }
    }

    /** The match file, generating the proxy first when it never was or was last generated before they existed. */
    private Path published(ProxyId proxy) {
        return generator.guideMatches(proxy).orElseGet(() -> {
            generator.generate(proxy);
            return generator
                    .guideMatches(proxy)
                    .orElseThrow(() -> new NotFoundException("proxy " + proxy + ": guide matches were not published"));
        });
    }
}
