package io.tvarr.persistence.logo;

import static io.tvarr.domain.TestData.aChannel;
import static io.tvarr.domain.TestData.anM3uSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.Page;
import io.tvarr.domain.UpstreamException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.filter.ExpressionDomain;
import io.tvarr.domain.logo.CachedLogo;
import io.tvarr.domain.logo.FetchedLogo;
import io.tvarr.domain.logo.LogoAsset;
import io.tvarr.domain.logo.LogoCacheResult;
import io.tvarr.domain.logo.LogoFailure;
import io.tvarr.domain.logo.LogoQuery;
import io.tvarr.domain.logo.LogoSettings;
import io.tvarr.domain.logo.port.out.LogoFetcher;
import io.tvarr.domain.logo.service.CachedLogos;
import io.tvarr.domain.logo.service.LogoCatalogue;
import io.tvarr.domain.logo.service.LogoDownloader;
import io.tvarr.domain.logo.service.LogoGarbageCollector;
import io.tvarr.domain.logo.service.LogoReferences;
import io.tvarr.domain.logo.service.LogoUploader;
import io.tvarr.domain.mapping.DataMappingRule;
import io.tvarr.domain.mapping.MappingRuleId;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.persistence.DatabaseSettings;
import io.tvarr.persistence.JdbiPersistence;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The logo use cases of the domain on the real stores: SQLite rows and files in a temporary directory. */
class LogoCacheTest {
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3};

    @TempDir
    Path dir;

    JdbiPersistence store;
    ExecutorService executor = Executors.newFixedThreadPool(8);
    FakeFetcher fetcher = new FakeFetcher();
    MovableClock clock = new MovableClock(Instant.parse("2026-05-01T00:00:00Z"));
    Logos cache;

    /** The four logo use cases over one cache, called as the HTTP routes and the jobs call them. */
    record Logos(CachedLogos files, LogoDownloader downloader, LogoUploader uploader, LogoGarbageCollector collector) {
        LogoCacheResult cache(List<String> urls) {
            return downloader.cache(urls);
        }

        LogoAsset upload(byte[] bytes) {
            return uploader.upload(bytes);
        }

        Optional<Path> file(String fileName) {
            return files.file(fileName);
        }

        int cleanup() {
            return collector.cleanup();
        }
    }

    /** Answers from a map of URL to body, records what it was asked and how many ran at once. */
    static final class FakeFetcher implements LogoFetcher {
        final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
        final List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        volatile boolean revalidationFails;

        @Override
        public FetchedLogo fetch(String url, @Nullable String etag, @Nullable String lastModified, int maxBytes) {
            requests.add(url + (etag == null ? "" : " if-none-match " + etag));
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(2);
                if (etag != null) {
                    if (revalidationFails) {
                        throw new UpstreamException(url + ": http 503");
                    }
                    return FetchedLogo.unchanged();
                }
                byte[] body = bodies.get(url);
                if (body == null) {
                    throw new UpstreamException(url + ": http 404");
                }
                return new FetchedLogo(false, body, "\"v1\"", null);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                running.decrementAndGet();
            }
        }
    }

    static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeEach
    void open() {
        store = JdbiPersistence.open(DatabaseSettings.of("jdbc:sqlite:" + dir.resolve("tvarr.db")));
        store.migrate();
        cache = cache(new LogoSettings(4, 1024 * 1024, Duration.ofHours(24)));
    }

    private Logos cache(LogoSettings settings) {
        FileLogoStore files = new FileLogoStore(dir.resolve("logos"));
        CachedLogos cached = new CachedLogos(store.logos(), files, store.logoFailures(), clock);
        return new Logos(
                cached,
                new LogoDownloader(cached, fetcher, settings, executor),
                new LogoUploader(cached, settings),
                new LogoGarbageCollector(
                        store.logos(),
                        files,
                        new LogoReferences(store.streamSources(), store.channels(), store.mappingRules()),
                        clock));
    }

    @AfterEach
    void close() {
        executor.shutdownNow();
        store.close();
    }

    private static byte[] png(int variant) {
        byte[] bytes = PNG.clone();
        bytes[bytes.length - 1] = (byte) variant;
        return bytes;
    }

    @Test
    void caches_images_content_addressed_and_reports_what_failed() throws Exception {
        fetcher.bodies.put("http://img.example/a.png", png(1));
        fetcher.bodies.put("http://img.example/page.png", "<html>Not found</html>".getBytes(StandardCharsets.UTF_8));
        fetcher.bodies.put(
                "http://img.example/evil.svg", "<svg onload=\"steal()\"></svg>".getBytes(StandardCharsets.UTF_8));

        LogoCacheResult result = cache.cache(List.of(
                "http://img.example/a.png",
                "http://img.example/page.png",
                "http://img.example/evil.svg",
                "http://img.example/missing.png"));

        String file = result.cached().get("http://img.example/a.png");
        assertThat(file).matches("[0-9a-f]{64}\\.png");
        assertThat(Files.readAllBytes(dir.resolve("logos").resolve(file))).isEqualTo(png(1));
        assertThat(result.failed())
                .containsOnlyKeys(
                        "http://img.example/page.png", "http://img.example/evil.svg", "http://img.example/missing.png");
        assertThat(result.failed().get("http://img.example/page.png")).contains("not a PNG, JPEG, GIF, WebP or SVG");
        assertThat(result.failed().get("http://img.example/evil.svg")).contains("event handler");
        assertThat(result.failed().get("http://img.example/missing.png")).contains("404");
    }

    @Test
    void urls_that_are_not_http_are_never_fetched_and_say_why() {
        LogoCacheResult result = cache.cache(List.of("file:///etc/passwd", "javascript:alert(1)"));

        assertThat(fetcher.requests).isEmpty();
        assertThat(result.failed())
                .containsEntry("file:///etc/passwd", "not an http or https URL")
                .containsEntry("javascript:alert(1)", "not an http or https URL");
    }

    @Test
    void fresh_logos_are_not_fetched_again_and_stale_ones_are_revalidated() {
        fetcher.bodies.put("http://img.example/a.png", png(1));
        cache.cache(List.of("http://img.example/a.png"));

        cache.cache(List.of("http://img.example/a.png"));
        clock.now = clock.now.plus(Duration.ofHours(25));
        LogoCacheResult revalidated = cache.cache(List.of("http://img.example/a.png"));

        assertThat(fetcher.requests)
                .containsExactly("http://img.example/a.png", "http://img.example/a.png if-none-match \"v1\"");
        assertThat(revalidated.cached()).containsKey("http://img.example/a.png");
    }

    @Test
    void downloads_run_concurrently_but_never_above_the_limit() {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String url = "http://img.example/" + i + ".png";
            fetcher.bodies.put(url, png(i));
            urls.add(url);
        }

        LogoCacheResult result = cache.cache(urls);

        assertThat(result.cached()).hasSize(40);
        assertThat(fetcher.mostAtOnce.get()).isBetween(2, 4);
    }

    @Test
    void uploads_must_be_images_within_the_size_limit() {
        LogoAsset uploaded = cache.upload(png(9));

        assertThat(uploaded.originalUrl()).isNull();
        assertThat(cache.file(uploaded.fileName())).isPresent();
        assertThatThrownBy(() -> cache.upload("hello".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("not a PNG");
        assertThatThrownBy(() -> cache(new LogoSettings(1, 1024, Duration.ZERO)).upload(new byte[2048]))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("at most 1024");
    }

    @Test
    void cleanup_keeps_logos_channels_and_rules_use_and_recent_uploads() {
        StreamSource source = anM3uSource("p");
        store.streamSources().insert(source);
        store.channels()
                .replaceAllForSource(
                        source.id(),
                        sink -> sink.accept(aChannel()
                                .from(source.id())
                                .withLogo("http://img.example/used.png")
                                .build()));
        fetcher.bodies.put("http://img.example/used.png", png(1));
        fetcher.bodies.put("http://img.example/gone.png", png(2));
        cache.cache(List.of("http://img.example/used.png", "http://img.example/gone.png"));
        LogoAsset referencedUpload = cache.upload(png(3));
        store.mappingRules()
                .insert(new DataMappingRule(
                        MappingRuleId.random(),
                        "logo",
                        ExpressionDomain.STREAM_MAPPING,
                        "channel_name == \"x\" SET tvg_logo = \"/logos/" + referencedUpload.fileName() + "\"",
                        true,
                        1,
                        false));
        LogoAsset recentUpload = cache.upload(png(4));
        clock.now = clock.now.plus(Duration.ofHours(2));

        int removed = cache.cleanup();

        assertThat(removed).isEqualTo(1);
        assertThat(store.logos().findByOriginalUrl("http://img.example/gone.png"))
                .isEmpty();
        assertThat(store.logos().findByOriginalUrl("http://img.example/used.png"))
                .isPresent();
        assertThat(cache.file(referencedUpload.fileName())).isPresent();
        assertThat(cache.file(recentUpload.fileName())).isPresent();
        clock.now = clock.now.plus(Duration.ofDays(2));
        assertThat(cache.cleanup()).isEqualTo(1);
        assertThat(cache.file(recentUpload.fileName())).isEmpty();
    }

    @Nested
    class Failed_downloads {
        LogoCatalogue catalogue;

        @BeforeEach
        void catalogue() {
            catalogue = new LogoCatalogue(store.logos(), store.logoFailures(), new FileLogoStore(dir.resolve("logos")));
        }

        @Test
        void are_stored_with_the_reason_and_counted_each_time_they_fail_again() {
            cache.cache(List.of("http://img.example/missing.png"));
            clock.now = clock.now.plus(Duration.ofMinutes(5));

            cache.cache(List.of("http://img.example/missing.png"));

            Page<LogoFailure> failed = catalogue.failed(new LogoQuery(null, 0, 10));
            assertThat(failed.items()).singleElement().satisfies(f -> {
                assertThat(f.url()).isEqualTo("http://img.example/missing.png");
                assertThat(f.reason()).contains("404");
                assertThat(f.failures()).isEqualTo(2);
                assertThat(f.lastFailedAt()).isEqualTo(clock.now);
            });
            assertThat(catalogue.failedCount()).isEqualTo(1);
        }

        @Test
        void are_forgotten_once_a_download_of_them_works() {
            cache.cache(List.of("http://img.example/late.png"));
            fetcher.bodies.put("http://img.example/late.png", png(7));

            LogoCacheResult result = cache.cache(List.of("http://img.example/late.png"));

            assertThat(result.cached()).containsKey("http://img.example/late.png");
            assertThat(catalogue.failedCount()).isZero();
        }

        @Test
        void keep_credentials_out_of_the_stored_reason() {
            String url = "http://user:secret@img.example/page.png";
            fetcher.bodies.put(url, "<html>no</html>".getBytes(StandardCharsets.UTF_8));

            cache.cache(List.of(url));

            assertThat(catalogue.failed(new LogoQuery(null, 0, 10)).items())
                    .singleElement()
                    .satisfies(
                            f -> assertThat(f.reason()).doesNotContain("secret").contains("not a PNG"));
        }

        @Test
        void show_beside_the_cached_logo_whose_refresh_failed() {
            fetcher.bodies.put("http://img.example/a.png", png(1));
            cache.cache(List.of("http://img.example/a.png"));
            fetcher.bodies.remove("http://img.example/a.png");
            clock.now = clock.now.plus(Duration.ofDays(2));
            fetcher.revalidationFails = true;

            cache.cache(List.of("http://img.example/a.png"));

            Page<CachedLogo> cached = catalogue.cached(new LogoQuery(null, 0, 10));
            assertThat(cached.items()).singleElement().satisfies(logo -> {
                assertThat(logo.asset().originalUrl()).isEqualTo("http://img.example/a.png");
                assertThat(logo.failure())
                        .hasValueSatisfying(f -> assertThat(f.failures()).isEqualTo(1));
            });
        }

        @Test
        void can_be_cleared_by_hand() {
            cache.cache(List.of("http://img.example/x.png", "http://img.example/y.png"));

            assertThat(catalogue.clearFailures()).isEqualTo(2);
            assertThat(catalogue.failedCount()).isZero();
        }
    }

    @Nested
    class Removing_a_logo {
        @Test
        void removes_its_row_and_its_file() {
            LogoCatalogue catalogue =
                    new LogoCatalogue(store.logos(), store.logoFailures(), new FileLogoStore(dir.resolve("logos")));
            LogoAsset uploaded = cache.upload(png(5));

            catalogue.delete(uploaded.sha256());

            assertThat(store.logos().findBySha256(uploaded.sha256())).isEmpty();
            assertThat(cache.file(uploaded.fileName())).isEmpty();
        }

        @Test
        void an_unknown_hash_is_not_found_by_name() {
            LogoCatalogue catalogue =
                    new LogoCatalogue(store.logos(), store.logoFailures(), new FileLogoStore(dir.resolve("logos")));
            String unknown = "0".repeat(64);

            assertThatThrownBy(() -> catalogue.delete(unknown))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining(unknown);
        }
    }
}
