package io.tvarr.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tvarr.domain.ConflictException;
import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.UpstreamException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.system.Health;
import io.tvarr.domain.system.VersionInfo;
import io.tvarr.http.system.ApiDocumentation;
import io.tvarr.http.system.SystemRoutes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class HttpServerIT {
    private static final String SECRET = "s3cret";
    private final AtomicReference<Health> health = new AtomicReference<>(new Health(true, "ok"));
    private final HttpClient client = HttpClient.newHttpClient();
    private TvarrHttpServer server;

    record Greeting(String name) {}

    record Limits(Integer count, java.util.List<String> names) {}

    @BeforeEach
    void start() {
        VersionInfo version = new VersionInfo("tvarr", "1.2.3", "17");
        ApiRoutes probe = routes -> {
            routes.post("/api/v1/echo", ctx -> ctx.json(JsonBodies.read(ctx, Greeting.class)));
            routes.post("/api/v1/limits", ctx -> ctx.json(JsonBodies.read(ctx, Limits.class)));
            routes.post("/api/v1/trigger", ctx -> ctx.status(202));
            routes.get("/api/v1/missing", ctx -> {
                throw new NotFoundException("stream source 42: not found");
            });
            routes.get("/api/v1/busy", ctx -> {
                throw new ConflictException("source 42: an ingestion is already running");
            });
            routes.get("/api/v1/full-disk", ctx -> {
                throw new io.tvarr.domain.StorageException(
                        "output playlist.m3u: could not be written (No space left on device)",
                        new IOException("No space left on device"));
            });
            routes.get("/api/v1/database-down", ctx -> {
                throw new io.tvarr.domain.StorageException(
                        "database: select * from secret_table", new java.sql.SQLException("Connection refused"));
            });
            routes.get("/api/v1/upstream-down", ctx -> {
                throw new UpstreamException(
                        "http://bob:" + SECRET + "@h.example/get.php?password=" + SECRET + ": http 502");
            });
            routes.get("/api/v1/invalid-url", ctx -> {
                throw new ValidationException(
                        "url: http://h.example/live/bob/" + SECRET + "/1.ts (expected: a playlist)");
            });
            routes.get("/api/v1/boom", ctx -> {
                throw new IllegalStateException("secret internals");
            });
        };
        server = new TvarrHttpServer(
                        new HttpSettings("127.0.0.1", 0, List.of("http://player.example"), true),
                        List.of(new SystemRoutes(health::get, version, new ApiDocumentation(version, "5.34.1")), probe))
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return post(path, body, "Content-Type", "application/json");
    }

    HttpResponse<String> post(String path, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Nested
    class Health_and_version {
        @Test
        void livez_answers_200() throws Exception {
            assertThat(get("/livez").statusCode()).isEqualTo(200);
        }

        @Test
        void readyz_is_200_when_ready_and_503_with_a_problem_when_not() throws Exception {
            assertThat(get("/readyz").statusCode()).isEqualTo(200);

            health.set(new Health(false, "database unreachable: connection refused"));
            HttpResponse<String> response = get("/readyz");

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).contains("database unreachable: connection refused");
        }

        @Test
        void version_reports_the_build() throws Exception {
            assertThat(get("/api/v1/version").body()).contains("\"version\":\"1.2.3\"");
        }
    }

    @Nested
    class Request_ids {
        @Test
        void a_missing_id_is_generated_and_echoed() throws Exception {
            assertThat(get("/livez").headers().firstValue("X-Request-Id"))
                    .hasValueSatisfying(id -> assertThat(id).hasSize(36));
        }

        @Test
        void a_given_id_is_kept_and_appears_in_problems() throws Exception {
            HttpResponse<String> response = get("/api/v1/missing", "X-Request-Id", "abc-123");

            assertThat(response.headers().firstValue("X-Request-Id")).contains("abc-123");
            assertThat(response.body()).contains("\"requestId\":\"abc-123\"");
        }
    }

    @Nested
    class Problems {
        @Test
        void not_found_maps_to_404_with_a_stable_type() throws Exception {
            HttpResponse<String> response = get("/api/v1/missing");

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body())
                    .contains("\"type\":\"https://tvarr.io/problems/not-found\"")
                    .contains("stream source 42: not found");
        }

        @Test
        void an_unknown_route_is_a_404_problem() throws Exception {
            HttpResponse<String> response = get("/api/v1/nothing-here");

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).contains("GET /api/v1/nothing-here not found");
        }

        @Test
        void conflict_maps_to_409() throws Exception {
            assertThat(get("/api/v1/busy").statusCode()).isEqualTo(409);
        }

        @Test
        void an_unexpected_failure_is_a_500_with_an_error_id_and_no_internals() throws Exception {
            HttpResponse<String> response = get("/api/v1/boom");

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).contains("\"errorId\"").doesNotContain("secret internals", "at io.tvarr");
        }

        @Test
        void a_storage_failure_that_is_not_the_database_says_what_failed() throws Exception {
            HttpResponse<String> response = get("/api/v1/full-disk");

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.body())
                    .contains("output playlist.m3u: could not be written (No space left on device)")
                    .doesNotContain("database");
        }

        @Test
        void a_database_failure_says_so_without_sql() throws Exception {
            HttpResponse<String> response = get("/api/v1/database-down");

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.body())
                    .contains("the database is not available")
                    .doesNotContain("secret_table");
        }

        @Test
        void malformed_json_is_a_400_naming_the_place() throws Exception {
            HttpResponse<String> response = post("/api/v1/echo", "{\"name\": ");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("malformed JSON body at line 1");
        }

        @Test
        void unknown_fields_are_refused() throws Exception {
            HttpResponse<String> response = post("/api/v1/echo", "{\"name\": \"x\", \"nmae\": \"y\"}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("nmae");
        }
    }

    @Nested
    class Credentials_in_problems {
        private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
        private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

        @BeforeEach
        void captureLogs() {
            logs.start();
            root.addAppender(logs);
        }

        @AfterEach
        void releaseLogs() {
            root.detachAppender(logs);
        }

        @Test
        void an_upstream_failure_quoting_a_provider_url_is_answered_and_logged_masked() throws Exception {
            HttpResponse<String> response = get("/api/v1/upstream-down");

            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(response.body()).contains("http://***@h.example/get.php?password=***: http 502");
            assertThat(response.body()).doesNotContain(SECRET);
            assertThat(logs.list).isNotEmpty();
            assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).noneMatch(m -> m.contains(SECRET));
        }

        @Test
        void a_validation_problem_quoting_a_url_is_answered_masked() throws Exception {
            HttpResponse<String> response = get("/api/v1/invalid-url");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("/live/***/***/1.ts").doesNotContain(SECRET);
        }
    }

    @Nested
    class Json_bodies {
        @Test
        void a_json_body_sent_as_text_plain_is_refused_with_415() throws Exception {
            HttpResponse<String> response =
                    post("/api/v1/echo", "{\"name\": \"x\"}", "Content-Type", "text/plain;charset=UTF-8");

            assertThat(response.statusCode()).isEqualTo(415);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body())
                    .contains("\"type\":\"https://tvarr.io/problems/unsupported-media-type\"")
                    .contains("Content-Type: expected application/json, found text/plain");
        }

        @Test
        void a_body_without_a_content_type_is_refused_with_415() throws Exception {
            HttpResponse<String> response = post("/api/v1/echo", "{\"name\": \"x\"}", new String[0]);

            assertThat(response.statusCode()).isEqualTo(415);
            assertThat(response.body()).contains("expected application/json, found none");
        }

        @Test
        void a_json_null_body_is_a_400_not_a_500() throws Exception {
            HttpResponse<String> response = post("/api/v1/echo", "null");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("request body: expected a JSON object, found null");
        }

        @Test
        void an_empty_body_is_a_400() throws Exception {
            HttpResponse<String> response = post("/api/v1/echo", "");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("request body: expected a JSON object, found nothing");
        }

        @Test
        void a_fraction_for_an_integer_is_refused_naming_the_field() throws Exception {
            HttpResponse<String> response = post("/api/v1/limits", "{\"count\": 1.5}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body())
                    .contains("count: expected a whole number, found 1.5")
                    .doesNotContain("java.", "Integer");
        }

        @Test
        void a_wrong_type_names_the_field_path_and_the_json_type_not_a_java_class() throws Exception {
            HttpResponse<String> response = post("/api/v1/limits", "{\"names\": [\"a\", {\"b\": 1}]}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body())
                    .contains("names[1]: expected a string, found an object")
                    .contains("line 1, column")
                    .doesNotContain("java.", "`");
        }

        @Test
        void an_unknown_field_names_it_and_the_known_ones() throws Exception {
            HttpResponse<String> response = post("/api/v1/echo", "{\"nmae\": \"y\"}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body())
                    .contains("nmae: unknown field (known: name)")
                    .doesNotContain("Greeting", "io.tvarr");
        }

        @Test
        void a_json_body_over_one_mebibyte_is_a_413() throws Exception {
            String big = "{\"name\": \"" + "x".repeat(1024 * 1024) + "\"}";

            HttpResponse<String> response = post("/api/v1/echo", big);

            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.body()).contains("request body: 1048588 bytes exceed the limit of 1048576 for JSON");
        }
    }

    @Nested
    class Cross_site_requests {
        @Test
        void a_browser_post_from_a_foreign_site_is_refused_even_without_a_body() throws Exception {
            HttpResponse<String> response =
                    post("/api/v1/trigger", "", "Sec-Fetch-Site", "cross-site", "Origin", "http://evil.example");

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body())
                    .contains("\"type\":\"https://tvarr.io/problems/forbidden\"")
                    .contains("origin http://evil.example is not allowed to change data (server.cors_origins)");
        }

        @Test
        void an_allowed_origin_and_non_browser_clients_may_post() throws Exception {
            assertThat(post("/api/v1/trigger", "", "Sec-Fetch-Site", "cross-site", "Origin", "http://player.example")
                            .statusCode())
                    .isEqualTo(202);
            assertThat(post("/api/v1/trigger", "", "Sec-Fetch-Site", "same-origin")
                            .statusCode())
                    .isEqualTo(202);
            assertThat(post("/api/v1/trigger", "", new String[0]).statusCode()).isEqualTo(202);
        }

        @Test
        void a_cross_site_get_is_still_answered() throws Exception {
            assertThat(get("/api/v1/version", "Sec-Fetch-Site", "cross-site").statusCode())
                    .isEqualTo(200);
        }
    }

    @Nested
    class Cors_and_docs {
        @Test
        void an_allowed_origin_gets_cors_headers() throws Exception {
            HttpResponse<String> response = get("/api/v1/version", "Origin", "http://player.example");

            assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
                    .contains("http://player.example");
        }

        @Test
        void the_openapi_document_lists_the_routes_and_names_the_version() throws Exception {
            HttpResponse<String> response = get("/openapi.json");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"/api/v1/version\"").contains("\"version\" : \"1.2.3\"");
        }

        @Test
        void the_openapi_document_is_openapi_3_1() throws Exception {
            assertThat(get("/openapi.json").body())
                    .contains("\"openapi\" : \"3.1.0\"")
                    .doesNotContain("\"nullable\"");
        }

        @Test
        void swagger_ui_is_served_from_the_webjar() throws Exception {
            assertThat(get("/docs").body()).contains("swagger-ui-bundle.js");
            assertThat(get("/webjars/swagger-ui/5.34.1/swagger-ui-bundle.js").statusCode())
                    .isEqualTo(200);
        }

        @Test
        void a_webjar_file_has_its_type_and_may_be_kept_for_a_year() throws Exception {
            HttpResponse<String> response = get("/webjars/swagger-ui/5.34.1/swagger-ui.css");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
            assertThat(response.headers().firstValue("Cache-Control")).contains("max-age=31622400");
        }

        @Test
        void a_webjar_path_leaving_the_webjars_or_naming_nothing_is_not_found() throws Exception {
            assertThat(get("/webjars/swagger-ui/5.34.1/nothing.js").statusCode())
                    .isEqualTo(404);
            assertThat(get("/webjars/swagger-ui/%2e%2e/%2e%2e/MANIFEST.MF").statusCode())
                    .isEqualTo(404);
            assertThat(get("/webjars/swagger-ui/5.34.1/").statusCode()).isEqualTo(404);
        }
    }
}
