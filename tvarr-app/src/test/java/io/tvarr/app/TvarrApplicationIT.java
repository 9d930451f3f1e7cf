package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.persistence.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts the wired application on a random port against each database and asks it whether it is ready. */
class TvarrApplicationIT {
    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newHttpClient();

    private TvarrApplication start(String databaseUrl) {
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.SERVER_PORT, "0");
        flags.put(ConfigKey.HDHOMERUN_DISCOVERY_PORT, "0");
        flags.put(ConfigKey.SERVER_HOST, "127.0.0.1");
        flags.put(ConfigKey.DATA_DIR, dir.toString());
        if (databaseUrl != null) {
            flags.put(ConfigKey.DATABASE_URL, databaseUrl);
        }
        return TvarrApplication.start(new ConfigLoader().load(null, Map.of(), flags));
    }

    private HttpResponse<String> get(TvarrApplication app, String path) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void assertReady(TvarrApplication app) throws IOException, InterruptedException {
        HttpResponse<String> ready = get(app, "/readyz");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(new ApiClient(app).get("/api/v1/version").body()).contains("\"name\":\"tvarr\"");
    }

    @Nested
    class On_sqlite {
        @Test
        void serves_ready_on_the_embedded_default() throws Exception {
            try (TvarrApplication app = start(null)) {
                assertReady(app);
            }
            assertThat(dir.resolve("tvarr.db")).exists();
        }

        @Test
        void is_not_ready_when_migrations_are_pending() throws Exception {
            Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
            flags.put(ConfigKey.SERVER_PORT, "0");
            flags.put(ConfigKey.HDHOMERUN_DISCOVERY_PORT, "0");
            flags.put(ConfigKey.DATA_DIR, dir.toString());
            flags.put(ConfigKey.DATABASE_MIGRATE_ON_START, "false");
            try (TvarrApplication app = TvarrApplication.start(new ConfigLoader().load(null, Map.of(), flags))) {
                HttpResponse<String> ready = get(app, "/readyz");

                assertThat(ready.statusCode()).isEqualTo(503);
                assertThat(ready.body()).contains("migration(s) pending");
            }
        }
    }

    @Nested
    class On_postgresql {
        @Test
        void serves_ready() throws Exception {
            try (TestDatabase database = TestDatabase.postgres();
                    TvarrApplication app = start(database.url())) {
                assertReady(app);
            }
        }
    }

    @Nested
    class On_mariadb {
        @Test
        void serves_ready() throws Exception {
            try (TestDatabase database = TestDatabase.mariadb();
                    TvarrApplication app = start(database.url())) {
                assertReady(app);
            }
        }
    }
}
