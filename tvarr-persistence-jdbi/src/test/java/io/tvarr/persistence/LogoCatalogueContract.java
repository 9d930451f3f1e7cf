package io.tvarr.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.Page;
import io.tvarr.domain.logo.LogoAsset;
import io.tvarr.domain.logo.LogoFailure;
import io.tvarr.domain.logo.LogoQuery;
import io.tvarr.domain.logo.port.out.LogoAssetRepository;
import io.tvarr.domain.logo.port.out.LogoFailureRepository;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** How every database stores failed logo fetches and pages through the logo cache. Subclasses supply the database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LogoCatalogueContract {
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    /** Longer than any index allows, as provider URLs with tokens are. */
    private static final String LONG = "http://img.example/" + "x".repeat(3000) + ".png";

    private TestDatabase database;
    private LogoFailureRepository failures;
    private LogoAssetRepository assets;

    abstract TestDatabase createDatabase();

    @BeforeAll
    void open_and_migrate() {
        database = createDatabase();
        JdbiPersistence store = database.persistence();
        store.migrate();
        failures = store.logoFailures();
        assets = store.logos();
    }

    @AfterAll
    void drop() {
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void empty() {
        failures.deleteAll();
        List<String> cached = assets.findPage(new LogoQuery(null, 0, 1000)).items().stream()
                .map(LogoAsset::sha256)
                .toList();
        cached.forEach(assets::delete);
    }

    private static LogoAsset asset(int n, String url, Instant fetchedAt) {
        byte[] hash = new byte[32];
        hash[31] = (byte) n;
        return new LogoAsset(HexFormat.of().formatHex(hash), "png", "image/png", 100 + n, url, null, null, fetchedAt);
    }

    @Nested
    class Failures {
        @Test
        void a_first_failure_is_stored_with_its_reason_and_a_count_of_one() {
            failures.recordFailure(LONG, "http 404", T0);

            assertThat(failures.findByUrls(List.of(LONG)))
                    .containsExactly(new LogoFailure(LONG, "http 404", 1, T0, T0));
            assertThat(failures.count()).isEqualTo(1);
        }

        @Test
        void failing_again_raises_the_count_and_keeps_the_latest_reason() {
            failures.recordFailure(LONG, "http 404", T0);
            failures.recordFailure(LONG, "timed out", T0.plusSeconds(60));

            assertThat(failures.findByUrls(List.of(LONG)))
                    .containsExactly(new LogoFailure(LONG, "timed out", 2, T0, T0.plusSeconds(60)));
            assertThat(failures.count()).isEqualTo(1);
        }

        @Test
        void removed_urls_are_forgotten_and_others_kept() {
            failures.recordFailure("http://a.example/1.png", "http 500", T0);
            failures.recordFailure("http://a.example/2.png", "http 500", T0);

            failures.removeAll(List.of("http://a.example/1.png", "http://never.example/failed.png"));

            assertThat(failures.urls()).containsExactly("http://a.example/2.png");
        }

        @Test
        void pages_newest_first_and_searches_the_url_without_regard_to_case() {
            failures.recordFailure("http://a.example/One.png", "http 404", T0);
            failures.recordFailure("http://b.example/two.png", "http 404", T0.plusSeconds(1));
            failures.recordFailure("http://b.example/50%_off.png", "http 404", T0.plusSeconds(2));

            Page<LogoFailure> first = failures.findPage(new LogoQuery(null, 0, 2));
            Page<LogoFailure> found = failures.findPage(new LogoQuery("ONE", 0, 10));
            Page<LogoFailure> literal = failures.findPage(new LogoQuery("%_", 0, 10));

            assertThat(first.total()).isEqualTo(3);
            assertThat(first.items())
                    .extracting(LogoFailure::url)
                    .containsExactly("http://b.example/50%_off.png", "http://b.example/two.png");
            assertThat(found.items()).extracting(LogoFailure::url).containsExactly("http://a.example/One.png");
            assertThat(literal.items()).extracting(LogoFailure::url).containsExactly("http://b.example/50%_off.png");
        }

        @Test
        void clearing_forgets_every_failure_and_says_how_many() {
            failures.recordFailure("http://a.example/1.png", "http 500", T0);
            failures.recordFailure("http://a.example/2.png", "http 500", T0);

            assertThat(failures.deleteAll()).isEqualTo(2);
            assertThat(failures.count()).isZero();
        }
    }

    @Nested
    class Cached_logos {
        @Test
        void page_newest_fetch_first_with_the_total() {
            assets.upsert(asset(1, "http://a.example/old.png", T0));
            assets.upsert(asset(2, "http://a.example/new.png", T0.plusSeconds(5)));
            assets.upsert(asset(3, null, T0.plusSeconds(2)));

            Page<LogoAsset> page = assets.findPage(new LogoQuery(null, 0, 2));
            Page<LogoAsset> second = assets.findPage(new LogoQuery(null, 1, 2));

            assertThat(page.total()).isEqualTo(3);
            assertThat(page.items()).extracting(LogoAsset::size).containsExactly(102L, 103L);
            assertThat(second.items()).extracting(LogoAsset::size).containsExactly(101L);
        }

        @Test
        void a_search_matches_the_original_url_and_never_an_upload() {
            assets.upsert(asset(1, "http://a.example/BBC-One.png", T0));
            assets.upsert(asset(2, "http://a.example/itv.png", T0));
            assets.upsert(asset(3, null, T0));

            Page<LogoAsset> found = assets.findPage(new LogoQuery("bbc", 0, 10));

            assertThat(found.total()).isEqualTo(1);
            assertThat(found.items())
                    .extracting(LogoAsset::originalUrl)
                    .containsExactly("http://a.example/BBC-One.png");
        }
    }
}
