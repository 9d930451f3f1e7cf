package io.tvarr.domain.source.service;

import io.tvarr.domain.source.port.out.SourceFileStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** Kept uploads in a map under {@code file:/uploads/n<suffix>}; a failing read keeps nothing, as the real store. */
public final class InMemorySourceFileStore implements SourceFileStore {
    private final Map<URI, byte[]> files = new LinkedHashMap<>();
    private int next;

    @Override
    public synchronized URI store(String suffix, InputStream content) {
        byte[] bytes;
        try {
            bytes = content.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        URI url = URI.create("file:/uploads/" + ++next + suffix);
        files.put(url, bytes);
        return url;
    }

    @Override
    public synchronized boolean delete(URI url) {
        return files.remove(url) != null;
    }

    public synchronized Map<URI, byte[]> files() {
        return Map.copyOf(files);
    }
}
