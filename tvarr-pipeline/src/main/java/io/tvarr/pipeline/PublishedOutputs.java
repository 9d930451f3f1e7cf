package io.tvarr.pipeline;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.StorageException;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.port.out.PublishedOutputRepository;
import io.tvarr.pipeline.output.AtomicPublisher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where each proxy's published files are: {@code root/{proxyId}/}. An instance alone on its store keeps them there
 * and nowhere else. Instances sharing a store share them through it ({@link PublishedOutputRepository}): a generation
 * is stored before it is published here, and the directory is this instance's cache of the newest generation it has
 * seen, checked against the store at each read ({@link #current}) and replaced when the store has a newer one. The
 * cache's generation only grows (it is kept in {@code .generation} beside the files, so across restarts too): an
 * instance never serves a generation older than one it served. Thread-safe; a proxy's files are replaced under its
 * lock, by renames readers never see half done.
 */
public final class PublishedOutputs {
    private static final Logger log = LoggerFactory.getLogger(PublishedOutputs.class);
    private static final String MARKER = ".generation";
    private static final int READ_ATTEMPTS = 3;

    private final Path root;
    private final @Nullable PublishedOutputRepository store;
    private final String instance;
    private final AtomicPublisher publisher = new AtomicPublisher();
    private final Map<ProxyId, Long> cached = new ConcurrentHashMap<>();
    private final Map<ProxyId, Object> locks = new ConcurrentHashMap<>();

    private PublishedOutputs(Path root, @Nullable PublishedOutputRepository store, String instance) {
        this.root = root;
        this.store = store;
        this.instance = instance;
    }

    /** Files kept under {@code root} only: one instance, which serves what it generated. */
    public static PublishedOutputs local(Path root) {
        return new PublishedOutputs(root, null, "local");
    }

    /** Files shared through {@code store} with the other instances on it, cached under {@code root}. */
    public static PublishedOutputs shared(Path root, PublishedOutputRepository store, String instance) {
        return new PublishedOutputs(root, store, instance);
    }

    /**
     * The proxy's directory holding the newest generation this instance knows of, after fetching a newer one the
     * store announces (one indexed query when there is none).
     */
    public Path current(ProxyId proxy) {
        if (store != null) {
            refresh(store, proxy);
        }
        return directory(proxy);
    }

    /** The proxy's directory as it is, where a generation writes its drafts (beside the files they replace). */
    Path directory(ProxyId proxy) {
        return root.resolve(proxy.toString());
    }

    /**
     * Publishes a generation's files together: shared first, when the store is, then renamed into place here unless
     * this instance already holds a newer generation (one that another instance stored while this one ran); then the
     * store's older generations are removed.
     */
    void publish(ProxyId proxy, List<AtomicPublisher.Draft> drafts) {
        if (store == null) {
            drafts.forEach(AtomicPublisher.Draft::publish);
            return;
        }
        Map<String, Path> files = new LinkedHashMap<>();
        drafts.forEach(draft -> files.put(draft.name(), draft.content()));
        long generation = store.insertGeneration(proxy, instance, files);
        synchronized (lock(proxy)) {
            if (generation > cachedGeneration(proxy)) {
                drafts.forEach(AtomicPublisher.Draft::publish);
                mark(proxy, generation);
            }
        }
        int removed = store.deleteOlderThan(proxy, generation);
        log.info("proxy outputs shared proxy_id={} generation={} older_removed={}", proxy, generation, removed);
    }

    /** Removes a deleted proxy's files here (the store removes its generations with the proxy). */
    void discard(ProxyId proxy) {
        synchronized (lock(proxy)) {
            cached.remove(proxy);
            Path directory = directory(proxy);
            if (!Files.isDirectory(directory)) {
                return;
            }
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                throw new StorageException(
                        "proxy " + proxy + ": outputs could not be removed (" + e.getMessage() + ")", e);
            }
        }
        locks.remove(proxy);
    }

    private void refresh(PublishedOutputRepository shared, ProxyId proxy) {
        OptionalLong newest = shared.newestGeneration(proxy);
        if (newest.isEmpty() || newest.getAsLong() <= cachedGeneration(proxy)) {
            return;
        }
        synchronized (lock(proxy)) {
            for (int attempt = 1; ; attempt++) {
                long wanted = newest.getAsLong();
                if (wanted <= cachedGeneration(proxy)) {
                    return;
                }
                try {
                    download(shared, proxy, wanted);
                    return;
                } catch (NotFoundException e) {
                    // pruned while read: a newer generation is complete, fetch that one
                    newest = shared.newestGeneration(proxy);
                    if (attempt == READ_ATTEMPTS || newest.isEmpty()) {
                        throw new StorageException(
                                "proxy " + proxy + ": outputs changed " + attempt
                                        + " times while this instance fetched them (" + e.getMessage() + ")",
                                e);
                    }
                }
            }
        }
    }

    private void download(PublishedOutputRepository shared, ProxyId proxy, long generation) {
        Path directory = directory(proxy);
        List<AtomicPublisher.Draft> drafts = new ArrayList<>();
        try {
            shared.readGeneration(proxy, generation, (name, content) -> {
                drafts.add(publisher.write(directory.resolve(fileName(proxy, name)), out -> {
                    try {
                        content.transferTo(out);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
            });
            drafts.forEach(AtomicPublisher.Draft::publish);
            mark(proxy, generation);
            log.info("proxy outputs fetched proxy_id={} generation={}", proxy, generation);
        } catch (UncheckedIOException e) {
            throw new StorageException("proxy " + proxy + ": outputs could not be fetched (" + e.getMessage() + ")", e);
        } finally {
            drafts.forEach(AtomicPublisher.Draft::close);
        }
    }

    /** A stored name is a plain file name: nothing read from the store may write outside the proxy's directory. */
    private static String fileName(ProxyId proxy, String name) {
        if (name.isEmpty() || name.startsWith(".") || name.contains("/") || name.contains("\\")) {
            throw new StorageException(
                    "proxy " + proxy + ": stored output '" + name + "' (expected: a plain file name)");
        }
        return name;
    }

    private long cachedGeneration(ProxyId proxy) {
        return cached.computeIfAbsent(proxy, this::markedGeneration);
    }

    private long markedGeneration(ProxyId proxy) {
        Path marker = directory(proxy).resolve(MARKER);
        try {
            return Files.isRegularFile(marker)
                    ? Long.parseLong(
                            Files.readString(marker, StandardCharsets.US_ASCII).trim())
                    : 0;
        } catch (IOException | NumberFormatException e) {
            // a marker that cannot be read only costs one fetch of the store's newest generation
            return 0;
        }
    }

    private void mark(ProxyId proxy, long generation) {
        publisher.publish(directory(proxy).resolve(MARKER), out -> {
            try {
                out.write(Long.toString(generation).getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        cached.put(proxy, generation);
    }

    private Object lock(ProxyId proxy) {
        return locks.computeIfAbsent(proxy, id -> new Object());
    }
}
