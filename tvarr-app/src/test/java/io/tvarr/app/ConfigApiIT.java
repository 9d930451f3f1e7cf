package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tvarr.domain.admin.Actor;
import io.tvarr.domain.admin.ApiScope;
import io.tvarr.domain.admin.port.in.CreateApiKeyCommand;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/v1/config} and {@code /api/v1/config/apply} on a real server. */
class ConfigApiIT {
    private static final String DOCUMENT = """
            sources:
              - name: Provider
                url: http://provider.test/list.m3u
            filters:
              - name: Sport
                action: include
                expression: group_title contains "sport"
            proxies:
              - name: Living room
                sources: [Provider]
                filters: [Sport]
            """;

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private TvarrApplication app;
    private ApiClient api;

    @BeforeEach
    void start() {
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.SERVER_PORT, "0");
        flags.put(ConfigKey.SERVER_HOST, "127.0.0.1");
        flags.put(ConfigKey.DATA_DIR, dir.resolve("data").toString());
        app = TvarrApplication.start(new ConfigLoader().load(null, Map.of(), flags));
        api = new ApiClient(app);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private HttpResponse<String> apply(String query, String document) {
        return api.postText("/api/v1/config/apply" + query, "application/yaml", document);
    }

    @Nested
    class Apply {
        @Test
        void a_dry_run_answers_the_changes_and_makes_none() throws IOException {
            HttpResponse<String> dry = apply("?dryRun=true", DOCUMENT);

            assertThat(dry.statusCode()).as(dry.body()).isEqualTo(200);
            JsonNode body = json.readTree(dry.body());
            assertThat(body.get("dryRun").asBoolean()).isTrue();
            assertThat(body.get("changes").findValuesAsText("description"))
                    .containsExactly(
                            "create filter \"Sport\"", "create source \"Provider\"", "create proxy \"Living room\"");
            assertThat(json.readTree(api.get("/api/v1/sources/stream").body())).isEmpty();
        }

        @Test
        void creates_then_a_second_time_answers_no_changes() throws IOException {
            HttpResponse<String> first = apply("", DOCUMENT);
            assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
            assertThat(json.readTree(first.body()).get("changes")).hasSize(3);

            HttpResponse<String> second = apply("?prune=false", DOCUMENT);

            assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
            assertThat(json.readTree(second.body()).get("changes")).isEmpty();
            assertThat(json.readTree(api.get("/api/v1/proxies").body()).findValuesAsText("name"))
                    .contains("Living room");
        }

        @Test
        void a_missing_reference_is_a_problem_naming_its_place_and_nothing_changes() throws IOException {
            HttpResponse<String> refused = apply("", DOCUMENT.replace("sources: [Provider]", "sources: [Nowhere]"));

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(json.readTree(refused.body()).get("detail").asText())
                    .isEqualTo("proxies[0].sources[0]: no source named \"Nowhere\"");
            assertThat(json.readTree(api.get("/api/v1/sources/stream").body())).isEmpty();
        }

        @Test
        void a_document_sent_as_plain_text_is_refused() {
            HttpResponse<String> refused =
                    api.postBytes("/api/v1/config/apply", "text/plain", DOCUMENT.getBytes(StandardCharsets.UTF_8));

            assertThat(refused.statusCode()).isEqualTo(415);
        }
    }

    @Nested
    class Read {
        @Test
        void answers_yaml_by_default_and_json_when_asked() throws IOException {
            apply("", DOCUMENT);

            HttpResponse<byte[]> yaml = api.getBytes("/api/v1/config");
            HttpResponse<byte[]> asJson = api.getBytes("/api/v1/config", "Accept", "application/json");

            assertThat(yaml.statusCode()).isEqualTo(200);
            assertThat(yaml.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/yaml"));
            assertThat(new String(yaml.body(), StandardCharsets.UTF_8))
                    .startsWith("version: 1")
                    .contains("- name: Living room");
            assertThat(asJson.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            assertThat(json.readTree(asJson.body())
                            .get("proxies")
                            .get(0)
                            .get("sources")
                            .get(0)
                            .asText())
                    .isEqualTo("Provider");
        }

        @Test
        void needs_an_admin_key_since_it_carries_password_hashes() {
            String reader = app.core()
                    .apiKeys()
                    .create(new CreateApiKeyCommand("reader", ApiScope.READ), Actor.system("tests"))
                    .token();

            HttpResponse<byte[]> refused = new ApiClient(app.port(), reader).getBytes("/api/v1/config");

            assertThat(refused.statusCode()).isEqualTo(403);
        }
    }
}
