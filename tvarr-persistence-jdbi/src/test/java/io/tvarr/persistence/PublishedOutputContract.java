package io.tvarr.persistence;

import static io.tvarr.domain.TestData.aProxy;
import static io.tvarr.domain.TestData.anM3uSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.out.PublishedOutputRepository;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.persistence.proxy.JdbiPublishedOutputRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * How every database shares the proxies' published outputs between instances: numbered generations, files in
 * chunks, pruning. Subclasses only supply the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PublishedOutputContract {
    private TestDatabase database;
    private JdbiPersistence store;
    private PublishedOutputRepository outputs;
    private StreamSource source;
    private StreamProxy proxy;
    private StreamProxy other;

    @TempDir
    Path files;

    abstract TestDatabase createDatabase();

    @BeforeAll
    void open_and_migrate() {
        database = createDatabase();
        store = database.persistence();
        store.migrate();
        outputs = store.publishedOutputs();
        source = anM3uSource("news");
        store.streamSources().insert(source);
    }

    @AfterAll
    void drop() {
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void fresh_proxies() {
        store.database().withHandle(h -> {
            h.execute("DELETE FROM proxy_output_chunk");
            h.execute("DELETE FROM proxy_output");
            h.execute("DELETE FROM stream_proxy");
            return null;
        });
        proxy = aProxy("living-room", source.id());
        other = aProxy("kitchen", source.id());
        store.proxies().insert(proxy);
        store.proxies().insert(other);
    }

    private Path file(String name, byte[] content) throws IOException {
        Path dir = Files.createTempDirectory(files, "gen");
        return Files.write(dir.resolve(name), content);
    }

    private Path file(String name, String content) throws IOException {
        return file(name, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private Map<String, Path> files(String name, String content) throws IOException {
        return Map.of(name, file(name, content));
    }

    private Map<String, Path> files(String name, byte[] content) throws IOException {
        return Map.of(name, file(name, content));
    }

    private Map<String, byte[]> read(StreamProxy of, long generation) {
        Map<String, byte[]> read = new LinkedHashMap<>();
        outputs.readGeneration(of.id(), generation, (name, content) -> {
            try {
                read.put(name, content.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return read;
    }

    @Nested
    class Storing {
        @Test
        void gives_back_every_file_byte_for_byte_including_files_of_several_chunks_and_empty_ones() throws IOException {
            byte[] large = new byte[JdbiPublishedOutputRepository.CHUNK_BYTES * 2 + 12345];
            new Random(7).nextBytes(large);
            long generation = outputs.insertGeneration(
                    proxy.id(),
                    "instance-a",
                    Map.of(
                            "playlist.m3u",
                            file("playlist.m3u", "#EXTM3U\n"),
                            "epg.xml",
                            file("epg.xml", large),
                            "merged.tsv",
                            file("merged.tsv", "")));

            Map<String, byte[]> read = read(proxy, generation);

            assertThat(read.keySet()).containsExactly("epg.xml", "merged.tsv", "playlist.m3u");
            assertThat(read.get("epg.xml")).isEqualTo(large);
            assertThat(read.get("merged.tsv")).isEmpty();
            assertThat(new String(read.get("playlist.m3u"), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo("#EXTM3U\n");
        }

        @Test
        void numbers_each_generation_of_a_proxy_above_the_one_before() throws IOException {
            long first = outputs.insertGeneration(proxy.id(), "a", files("playlist.m3u", "1"));
            long second = outputs.insertGeneration(proxy.id(), "b", files("playlist.m3u", "2"));

            assertThat(second).isGreaterThan(first);
            assertThat(outputs.newestGeneration(proxy.id())).hasValue(second);
            assertThat(outputs.newestGeneration(other.id())).isEqualTo(OptionalLong.empty());
        }

        @Test
        void gives_concurrent_generations_of_one_proxy_distinct_numbers() throws Exception {
            Path content = file("playlist.m3u", "same");
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Long>> inserts = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    String instance = "instance-" + i;
                    inserts.add(pool.submit(
                            () -> outputs.insertGeneration(proxy.id(), instance, Map.of("playlist.m3u", content))));
                }
                List<Long> numbers = new ArrayList<>();
                for (Future<Long> insert : inserts) {
                    numbers.add(insert.get());
                }
                assertThat(numbers).doesNotHaveDuplicates().hasSize(8);
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void refuses_a_file_name_too_long_to_store_naming_it() throws IOException {
            String name = "x".repeat(65) + ".tsv";
            Path file = file(name, "1");

            assertThatThrownBy(() -> outputs.insertGeneration(proxy.id(), "a", Map.of(name, file)))
                    .hasMessageContaining(name)
                    .hasMessageContaining("at most 64 characters");
            assertThat(outputs.newestGeneration(proxy.id())).isEmpty();
        }
    }

    @Nested
    class Pruning {
        @Test
        void removes_only_the_older_generations_of_that_proxy() throws IOException {
            long old = outputs.insertGeneration(proxy.id(), "a", files("playlist.m3u", "old"));
            long otherOld = outputs.insertGeneration(other.id(), "a", files("playlist.m3u", "other"));
            long current = outputs.insertGeneration(proxy.id(), "a", files("playlist.m3u", "new"));

            assertThat(outputs.deleteOlderThan(proxy.id(), current)).isEqualTo(1);

            assertThatThrownBy(() -> read(proxy, old))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("generation " + old);
            assertThat(read(proxy, current)).containsKey("playlist.m3u");
            assertThat(read(other, otherOld)).containsKey("playlist.m3u");
        }

        @Test
        void a_generation_removed_while_it_is_read_fails_the_read_instead_of_ending_it_early() throws IOException {
            byte[] large = new byte[JdbiPublishedOutputRepository.CHUNK_BYTES + 10];
            long first = outputs.insertGeneration(proxy.id(), "a", files("epg.xml", large));
            long second = outputs.insertGeneration(proxy.id(), "a", files("epg.xml", "new"));

            assertThatThrownBy(() -> outputs.readGeneration(proxy.id(), first, (name, content) -> {
                        try (InputStream in = content) {
                            in.readNBytes(10);
                            outputs.deleteOlderThan(proxy.id(), second);
                            in.readAllBytes();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }))
                    .isInstanceOf(NotFoundException.class);
        }

        @Test
        void deleting_the_proxy_deletes_its_generations() throws IOException {
            outputs.insertGeneration(proxy.id(), "a", files("playlist.m3u", "1"));

            store.proxies().delete(proxy.id());

            assertThat(outputs.newestGeneration(proxy.id())).isEmpty();
        }
    }
}
