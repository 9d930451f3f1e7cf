package io.tvarr.domain.logo.service;

import io.tvarr.domain.logo.port.out.LogoFileRepository;
import io.tvarr.domain.logo.port.out.LogoStore;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The logo cache of an instance that shares its database with others: every logo is stored in the database (the
 * shared truth) and in this instance's directory (its cache). A logo missing from the directory is copied from the
 * database the first time it is asked for, so a logo fetched by one instance is served, and counted as cached, by
 * every other without fetching it from the provider again. Thread-safe.
 */
public final class SharedLogoStore implements LogoStore {
    private final LogoStore local;
    private final LogoFileRepository shared;

    /** @param local this instance's directory, the cache */
    public SharedLogoStore(LogoStore local, LogoFileRepository shared) {
        this.local = local;
        this.shared = shared;
    }

    /** Into the database first: a logo in the directory is then always one the other instances can have too. */
    @Override
    public void write(String fileName, byte[] bytes) {
        shared.insert(fileName, bytes);
        local.write(fileName, bytes);
    }

    @Override
    public Optional<Path> find(String fileName) {
        Optional<Path> cached = local.find(fileName);
        if (cached.isPresent()) {
            return cached;
        }
        Optional<byte[]> stored = shared.find(fileName);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        local.write(fileName, stored.get());
        return local.find(fileName);
    }

    /** From the database, then from this cache; the other instances' caches keep a copy until their own cleanup. */
    @Override
    public boolean delete(String fileName) {
        boolean stored = shared.delete(fileName);
        boolean cached = local.delete(fileName);
        return stored || cached;
    }

    /** Every logo in the database or in this cache, once each. */
    @Override
    public void forEachFile(Consumer<String> fileName) {
        Set<String> seen = new HashSet<>();
        shared.forEachFileName(name -> {
            if (seen.add(name)) {
                fileName.accept(name);
            }
        });
        local.forEachFile(name -> {
            if (seen.add(name)) {
                fileName.accept(name);
            }
        });
    }
}
