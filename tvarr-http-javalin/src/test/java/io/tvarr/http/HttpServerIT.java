package io.tvarr.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.ConflictException;
import io.tvarr.domain.NotFoundException;
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

class HttpServerIT {
    private final AtomicReference<Health> health = new AtomicReference<>(new Health(true, "ok"));
    private final HttpClient client = HttpClient.newHttpClient();
    private TvarrHttpServer server;

    record Greeting(String name) {}

    @BeforeEach
    void start() {
        VersionInfo version = new VersionInfo("tvarr", "1.2.3", "17");
        ApiRoutes probe = routes -> {
            routes.post("/api/v1/echo", ctx -> ctx.json(ctx.bodyAsClass(Greeting.class)));
            routes.get("/api/v1/missing", ctx -> {
                throw new NotFoundException("stream source 42: not found");
            });
            routes.get("/api/v1/busy", ctx -> {
                throw new ConflictException("source 42: an ingestion is already running");
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
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
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
        void swagger_ui_is_served_from_the_webjar() throws Exception {
            assertThat(get("/docs").body()).contains("swagger-ui-bundle.js");
            assertThat(get("/webjars/swagger-ui/5.34.1/swagger-ui-bundle.js").statusCode())
                    .isEqualTo(200);
        }
    }
}
