package io.tvarr.pipeline;

import io.tvarr.domain.ConflictException;
import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.StorageException;
import io.tvarr.domain.TvarrException;
import io.tvarr.domain.logo.port.in.CacheLogosUseCase;
import io.tvarr.domain.proxy.GenerationReport;
import io.tvarr.domain.proxy.GenerationStatus;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.in.GenerateProxyUseCase;
import io.tvarr.pipeline.output.GuideMatchFile;
import io.tvarr.pipeline.stage.guard.IngestionGuard;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates proxies, one generation per proxy at a time, and remembers each proxy's last outcome. Published
 * files live in {@code outputDirectory/{proxyId}/}, shared with other instances when {@link PublishedOutputs} is;
 * a failed generation leaves the previous ones served.
 * Thread-safe.
 */
public final class ProxyGenerator implements GenerateProxyUseCase {
    static final String PLAYLIST = "playlist.m3u";
    static final String GUIDE = "epg.xml";
    static final String LINEUP = "lineup.tsv";
    private static final Logger log = LoggerFactory.getLogger(ProxyGenerator.class);

    private final PipelineInputs inputs;
    private final PipelineSettings settings;
    private final IngestionGuard guard;
    private final @Nullable CacheLogosUseCase logos;
    private final PublishedOutputs outputs;
    private final Clock clock;
    private final Map<ProxyId, GenerationStatus> statuses = new ConcurrentHashMap<>();

    /** A generator without logo caching (proxies that ask for it keep their original logo URLs, with a warning). */
    public ProxyGenerator(PipelineInputs inputs, PipelineSettings settings, IngestionGuard guard, Clock clock) {
        this(inputs, settings, guard, null, clock);
    }

    public ProxyGenerator(
            PipelineInputs inputs,
            PipelineSettings settings,
            IngestionGuard guard,
            @Nullable CacheLogosUseCase logos,
            Clock clock) {
        this(inputs, settings, guard, logos, PublishedOutputs.local(settings.outputDirectory()), clock);
    }

    /** A generator whose outputs are kept (and perhaps shared) by {@code outputs}. */
    public ProxyGenerator(
            PipelineInputs inputs,
            PipelineSettings settings,
            IngestionGuard guard,
            @Nullable CacheLogosUseCase logos,
            PublishedOutputs outputs,
            Clock clock) {
        this.outputs = outputs;
        this.logos = logos;
        this.inputs = inputs;
        this.settings = settings;
        this.guard = guard;
        this.clock = clock;
    }

    @Override
    public GenerationReport generate(ProxyId id) {
        StreamProxy proxy =
                inputs.proxies().findById(id).orElseThrow(() -> new NotFoundException("proxy " + id + ": not found"));
        claim(id);
        try {
            // from the newest generation any instance published: the Xtream stream ids carry on from its lineup
            outputs.current(id);
            GenerationReport report = new Generation(
                            proxy,
                            inputs,
                            outputs,
                            settings.currentBaseUrl(),
                            guard,
                            settings.guideReaders(),
                            logos,
                            clock)
                    .run(settings.servingFiles());
            statuses.compute(id, (k, s) -> current(k, s).succeeded(report));
            log.info(
                    "proxy generated proxy_id={} channels={} programmes={} unmatched_epg={} duration_ms={}",
                    id,
                    report.channels(),
                    report.programmes(),
                    report.unmatchedCount(),
                    report.durationMs());
            return report;
        } catch (UncheckedIOException e) {
            StorageException failure = new StorageException("proxy " + id + ": " + e.getMessage(), e);
            fail(id, failure);
            throw failure;
        } catch (TvarrException e) {
            fail(id, e);
            throw e;
        } catch (RuntimeException e) {
            fail(id, e);
            log.error("proxy generation failed proxy_id={}", id, e);
            throw e;
        } finally {
            statuses.computeIfPresent(id, (k, s) -> s.running(false));
        }
    }

    @Override
    public GenerationStatus status(ProxyId id) {
        return current(id, statuses.get(id));
    }

    @Override
    public Optional<Path> playlist(ProxyId id) {
        return existing(directory(id).resolve(PLAYLIST));
    }

    @Override
    public Optional<Path> guide(ProxyId id) {
        return existing(directory(id).resolve(GUIDE));
    }

    /** The published lineup beside the playlist, if the proxy was generated since tvarr writes one. */
    public Optional<Path> lineup(ProxyId id) {
        return existing(directory(id).resolve(LINEUP));
    }

    /** The guide match explanations published beside the playlist, if the proxy was generated since tvarr writes them. */
    public Optional<Path> guideMatches(ProxyId id) {
        return existing(directory(id).resolve(GuideMatchFile.NAME));
    }

    @Override
    public void discard(ProxyId id) {
        statuses.remove(id);
        outputs.discard(id);
    }

    private void claim(ProxyId id) {
        boolean[] claimed = {false};
        statuses.compute(id, (k, s) -> {
            GenerationStatus status = current(k, s);
            if (status.running()) {
                return status;
            }
            claimed[0] = true;
            return status.running(true);
        });
        if (!claimed[0]) {
            throw new ConflictException("proxy " + id + ": a generation is already running");
        }
    }

    private void fail(ProxyId id, RuntimeException e) {
        GenerationStatus failed =
                statuses.compute(id, (k, s) -> current(k, s).failed(String.valueOf(e.getMessage()), clock.instant()));
        if (e instanceof TvarrException) {
            // the status masks credentials in the reason (a source or logo URL)
            log.warn("proxy generation failed proxy_id={} reason={}", id, failed.lastError());
        }
    }

    private static GenerationStatus current(ProxyId id, @Nullable GenerationStatus status) {
        return status == null ? GenerationStatus.never(id) : status;
    }

    private Path directory(ProxyId id) {
        return outputs.current(id);
    }

    private static Optional<Path> existing(Path file) {
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }
}
