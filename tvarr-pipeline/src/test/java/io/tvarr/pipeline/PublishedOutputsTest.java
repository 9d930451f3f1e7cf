package io.tvarr.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.StorageException;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.port.out.PublishedOutputRepository;
import io.tvarr.pipeline.output.AtomicPublisher;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishedOutputsTest {
    private static final ProxyId PROXY = ProxyId.random();

    @TempDir
    Path dir;

    private final SharedStore store = new SharedStore();

    /** The store as a map of generations, each a map of file name to bytes. */
    private static final class SharedStore implements PublishedOutputRepository {
        final TreeMap<Long, Map<String, byte[]>> generations = new TreeMap<>();

        @Override
        public synchronized long insertGeneration(ProxyId proxy, String instance, Map<String, Path> files) {
            long number = generations.isEmpty() ? 1 : generations.lastKey() + 1;
            Map<String, byte[]> stored = new TreeMap<>();
            files.forEach((name, file) -> {
                try {
                    stored.put(name, Files.readAllBytes(file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            generations.put(number, stored);
            return number;
        }

        @Override
        public synchronized OptionalLong newestGeneration(ProxyId proxy) {
            return generations.isEmpty() ? OptionalLong.empty() : OptionalLong.of(generations.lastKey());
        }

        @Override
        public synchronized void readGeneration(ProxyId proxy, long generation, FileSink sink) {
            Map<String, byte[]> files = generations.get(generation);
            if (files == null) {
                throw new NotFoundException("generation " + generation + " is not stored");
            }
            files.forEach((name, bytes) -> sink.accept(name, new ByteArrayInputStream(bytes)));
        }

        @Override
        public synchronized int deleteOlderThan(ProxyId proxy, long generation) {
            int before = generations.size();
            generations.headMap(generation).clear();
            return before - generations.size();
        }

        synchronized void put(long number, String name, String content) {
            generations.put(number, new TreeMap<>(Map.of(name, content.getBytes(StandardCharsets.UTF_8))));
        }
    }

    private PublishedOutputs instance(String name) {
        return PublishedOutputs.shared(dir.resolve(name), store, name);
    }

    private static void generate(PublishedOutputs outputs, String content) {
        AtomicPublisher publisher = new AtomicPublisher();
        try (AtomicPublisher.Draft draft =
                publisher.write(outputs.directory(PROXY).resolve("playlist.m3u"), out -> {
                    try {
                        out.write(content.getBytes(StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })) {
            outputs.publish(PROXY, List.of(draft));
        }
    }

    private static String playlist(PublishedOutputs outputs) throws IOException {
        return Files.readString(outputs.current(PROXY).resolve("playlist.m3u"));
    }

    @Nested
    class Shared {
        @Test
        void a_generation_published_by_one_instance_is_served_by_another() throws IOException {
            PublishedOutputs a = instance("a");
            PublishedOutputs b = instance("b");

            generate(a, "first");

            assertThat(playlist(b)).isEqualTo("first");
            assertThat(playlist(a)).isEqualTo("first");
        }

        @Test
        void a_newer_generation_replaces_the_cached_one_and_the_older_ones_are_pruned() throws IOException {
            PublishedOutputs a = instance("a");
            PublishedOutputs b = instance("b");
            generate(a, "first");
            assertThat(playlist(b)).isEqualTo("first");

            generate(b, "second");

            assertThat(playlist(a)).isEqualTo("second");
            assertThat(store.generations.keySet()).containsExactly(2L);
        }

        @Test
        void never_goes_back_to_an_older_generation_than_it_served_even_after_a_restart() throws IOException {
            generate(instance("a"), "first");
            generate(instance("a"), "second");
            store.generations.clear();
            store.put(1, "playlist.m3u", "older");

            assertThat(playlist(instance("a"))).isEqualTo("second");
            assertThat(playlist(instance("fresh"))).isEqualTo("older");
        }

        @Test
        void a_generation_that_finishes_after_a_newer_one_was_fetched_is_stored_but_not_served() throws IOException {
            PublishedOutputs a = instance("a");
            store.put(5, "playlist.m3u", "newer");
            assertThat(playlist(a)).isEqualTo("newer");
            store.generations.clear();

            generate(a, "late");

            assertThat(playlist(a)).isEqualTo("newer");
        }

        @Test
        void refuses_a_stored_name_that_is_not_a_plain_file_name() {
            store.put(1, "../escape.m3u", "x");

            assertThatThrownBy(() -> instance("a").current(PROXY))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("'../escape.m3u'")
                    .hasMessageContaining("expected: a plain file name");
            assertThat(dir.resolve("escape.m3u")).doesNotExist();
        }
    }

    @Nested
    class Local {
        @Test
        void keeps_the_files_in_the_directory_and_asks_no_store() throws IOException {
            PublishedOutputs local = PublishedOutputs.local(dir.resolve("alone"));

            generate(local, "only here");

            assertThat(playlist(local)).isEqualTo("only here");
            assertThat(store.generations).isEmpty();
            assertThat(new ArrayList<>(List.of(local.current(PROXY).toFile().list())))
                    .containsExactly("playlist.m3u");
        }
    }
}
