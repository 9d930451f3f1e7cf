package io.tvarr.app;

import static io.tvarr.domain.TestData.aChannel;
import static io.tvarr.domain.TestData.anM3uSource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.persistence.DatabaseSettings;
import io.tvarr.persistence.JdbiPersistence;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilterApiIT {
    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private TvarrApplication app;
    private ApiClient api;

    @BeforeEach
    void start() {
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.SERVER_PORT, "0");
        flags.put(ConfigKey.HDHOMERUN_DISCOVERY_PORT, "0");
        flags.put(ConfigKey.SERVER_HOST, "127.0.0.1");
        flags.put(ConfigKey.DATA_DIR, dir.toString());
        app = TvarrApplication.start(new ConfigLoader().load(null, Map.of(), flags));
        api = new ApiClient(app);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private JsonNode body(HttpResponse<String> response) throws Exception {
        return json.readTree(response.body());
    }

    @Nested
    class Filters {
        @Test
        void an_invalid_expression_is_refused_with_its_column_and_nothing_is_stored() throws Exception {
            HttpResponse<String> response = api.post(
                    "/api/v1/filters",
                    "{\"name\":\"Sports\",\"domain\":\"stream_filter\",\"action\":\"include\","
                            + "\"expression\":\"group_title contians \\\"sport\\\"\"}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(body(response).get("column").asInt()).isEqualTo(13);
            assertThat(body(response).get("detail").asText()).startsWith("expression: expected an operator");
            assertThat(body(api.get("/api/v1/filters"))).hasSize(2);
        }

        @Test
        void create_read_update_delete() throws Exception {
            HttpResponse<String> created = api.post(
                    "/api/v1/filters",
                    "{\"name\":\"Sports\",\"domain\":\"stream_filter\",\"action\":\"include\","
                            + "\"expression\":\"group_title contains \\\"sport\\\"\"}");
            String id = body(created).get("id").asText();

            HttpResponse<String> updated = api.put(
                    "/api/v1/filters/" + id,
                    "{\"name\":\"No sports\",\"domain\":\"stream_filter\",\"action\":\"exclude\","
                            + "\"expression\":\"group_title contains \\\"sport\\\"\"}");

            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(body(updated).get("action").asText()).isEqualTo("exclude");
            assertThat(body(api.get("/api/v1/filters/" + id)).get("name").asText())
                    .isEqualTo("No sports");
            assertThat(api.delete("/api/v1/filters/" + id).statusCode()).isEqualTo(204);
            assertThat(api.get("/api/v1/filters/" + id).statusCode()).isEqualTo(404);
        }

        @Test
        void a_bad_domain_names_the_accepted_values() throws Exception {
            HttpResponse<String> response = api.post(
                    "/api/v1/filters",
                    "{\"name\":\"x\",\"domain\":\"streams\",\"action\":\"include\",\"expression\":\"\"}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(body(response).get("detail").asText())
                    .isEqualTo("domain: 'streams' (expected: stream_filter, epg_filter, stream_mapping, epg_mapping)");
        }

        @Test
        void fields_are_listed_with_aliases() throws Exception {
            JsonNode fields = body(api.get("/api/v1/filters/fields/stream"));

            assertThat(fields.get(0).get("name").asText()).isEqualTo("channel_name");
            assertThat(fields.get(0).get("aliases").get(0).asText()).isEqualTo("name");
            assertThat(api.get("/api/v1/filters/fields/radio").statusCode()).isEqualTo(400);
        }
    }

    @Nested
    class Mapping_rules {
        @Test
        void rules_are_appended_and_can_be_reordered() throws Exception {
            String first = body(api.post(
                            "/api/v1/data-mapping",
                            "{\"name\":\"a\",\"domain\":\"stream_mapping\",\"expression\":\"SET group = \\\"A\\\"\"}"))
                    .get("id")
                    .asText();
            JsonNode all = body(api.get("/api/v1/data-mapping"));
            StringBuilder order = new StringBuilder("{\"order\":[\"" + first + "\"");
            all.forEach(rule -> {
                if (!rule.get("id").asText().equals(first)) {
                    order.append(",\"").append(rule.get("id").asText()).append('"');
                }
            });

            JsonNode reordered = body(api.post("/api/v1/data-mapping/reorder", order + "]}"));

            assertThat(all.get(all.size() - 1).get("id").asText()).isEqualTo(first);
            assertThat(reordered.get(0).get("id").asText()).isEqualTo(first);
            assertThat(reordered.get(0).get("position").asInt()).isZero();
        }

        @Test
        void a_partial_order_is_refused() {
            HttpResponse<String> response = api.post("/api/v1/data-mapping/reorder", "{\"order\":[]}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("must name every rule exactly once");
        }
    }

    @Nested
    class Expressions {
        @Test
        void validate_reports_problems_with_the_column() throws Exception {
            JsonNode ok = body(api.post(
                    "/api/v1/expressions/validate",
                    "{\"domain\":\"epg_filter\",\"expression\":\"title contains \\\"news\\\"\"}"));
            JsonNode bad = body(api.post(
                    "/api/v1/expressions/validate", "{\"domain\":\"epg_filter\",\"expression\":\"title contains\"}"));

            assertThat(ok.get("valid").asBoolean()).isTrue();
            assertThat(bad.get("valid").asBoolean()).isFalse();
            assertThat(bad.get("errors").get(0).get("column").asInt()).isEqualTo(15);
        }

        @Test
        void preview_shows_matches_before_and_after_mapping() throws Exception {
            try (JdbiPersistence store =
                    JdbiPersistence.open(DatabaseSettings.of("jdbc:sqlite:" + dir.resolve("tvarr.db")))) {
                StreamSource source = anM3uSource("provider");
                store.streamSources().insert(source);
                store.channels().replaceAllForSource(source.id(), sink -> {
                    sink.accept(aChannel()
                            .from(source.id())
                            .named("Film4 +1")
                            .withKey("1")
                            .build());
                    sink.accept(aChannel()
                            .from(source.id())
                            .named("BBC One")
                            .withKey("2")
                            .build());
                });
            }

            JsonNode preview = body(
                    api.post(
                            "/api/v1/expressions/preview",
                            "{\"domain\":\"stream_mapping\",\"expression\":"
                                    + "\"name matches \\\"^(.*) \\\\\\\\+(\\\\\\\\d)$\\\" SET name = \\\"$1\\\", tvg_shift = $2\"}"));

            assertThat(preview.get("scanned").asInt()).isEqualTo(2);
            assertThat(preview.get("matched").asInt()).isEqualTo(1);
            JsonNode sample = preview.get("samples").get(0);
            assertThat(sample.get("before").get("channel_name").asText()).isEqualTo("Film4 +1");
            assertThat(sample.get("after").get("channel_name").asText()).isEqualTo("Film4");
            assertThat(sample.get("after").get("tvg_shift").asText()).isEqualTo("1");
        }
    }
}
