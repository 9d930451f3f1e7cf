package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.tvarr.http.JsonMapping;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAPI documents a running tvarr serves describe what its API reads and writes. */
class OpenApiDocumentIT {
    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private TvarrApplication app;

    @BeforeEach
    void start() {
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.SERVER_PORT, "0");
        flags.put(ConfigKey.SERVER_HOST, "127.0.0.1");
        flags.put(ConfigKey.DATA_DIR, dir.resolve("data").toString());
        app = TvarrApplication.start(new ConfigLoader().load(null, Map.of(), flags));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode schemas(String document) throws IOException, InterruptedException {
        return json.readTree(get(document).body()).path("components").path("schemas");
    }

    @Nested
    class Versions {
        @Test
        void openapi_json_is_a_valid_openapi_3_1_document() throws Exception {
            SwaggerParseResult parsed =
                    new OpenAPIV3Parser().readContents(get("/openapi.json").body());

            assertThat(parsed.getMessages()).isEmpty();
            assertThat(parsed.getOpenAPI().getSpecVersion()).isEqualTo(SpecVersion.V31);
            assertThat(parsed.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        }

        @Test
        void the_3_0_form_is_a_valid_openapi_3_0_document() throws Exception {
            SwaggerParseResult parsed = new OpenAPIV3Parser()
                    .readContents(get(ServedOpenApi.DOCUMENT).body());

            assertThat(parsed.getMessages()).isEmpty();
            assertThat(parsed.getOpenAPI().getSpecVersion()).isEqualTo(SpecVersion.V30);
        }
    }

    @Nested
    class Schemas {
        /** Jackson decides what the API reads and writes, so every object schema must list exactly its properties. */
        @Test
        void every_object_schema_lists_exactly_the_properties_jackson_reads_and_writes() throws Exception {
            Map<String, List<JavaClass>> classes = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.tvarr").stream()
                            .collect(Collectors.groupingBy(JavaClass::getSimpleName));
            ObjectMapper mapper = JsonMapping.create();
            List<String> mismatches = new ArrayList<>();

            schemas("/openapi.json").properties().forEach(entry -> {
                JsonNode schema = entry.getValue();
                if (!schema.path("type").asText().equals("object")) {
                    return;
                }
                Set<String> documented = new TreeSet<>();
                schema.path("properties").fieldNames().forEachRemaining(documented::add);
                List<Set<String>> candidates = classes.getOrDefault(entry.getKey(), List.of()).stream()
                        .map(type -> jsonProperties(mapper, type.reflect()))
                        .toList();
                if (!candidates.contains(documented)) {
                    mismatches.add(entry.getKey() + " documents " + documented + ", Jackson uses " + candidates);
                }
            });

            assertThat(mismatches).isEmpty();
        }

        @Test
        void enumerations_list_the_lower_case_values_the_api_accepts() throws Exception {
            JsonNode schemas = schemas("/openapi.json");

            assertThat(values(schemas, "DeliveryMode")).containsExactly("redirect", "proxy", "transcode");
            assertThat(values(schemas, "DeliveryModeName")).containsExactly("redirect", "proxy", "transcode", "relay");
            schemas.forEach(schema -> schema.path("enum").forEach(value -> {
                if (value.isTextual()) {
                    assertThat(value.asText()).isEqualTo(value.asText().toLowerCase(Locale.ROOT));
                }
            }));
        }

        @Test
        void fields_holding_enumerated_words_are_enumerations() throws Exception {
            JsonNode schemas = schemas("/openapi.json");
            Map<String, List<String>> enumerated = Map.of(
                    "StreamSourceBody", List.of("kind", "xtreamOutput"),
                    "StreamSourceView", List.of("kind", "xtreamOutput"),
                    "EpgSourceBody", List.of("kind"),
                    "FilterBody", List.of("domain", "action"),
                    "MappingRuleBody", List.of("domain"),
                    "ExpressionBody", List.of("domain"),
                    "ProxyBody", List.of("deliveryMode", "numberingMode"),
                    "ProxyView", List.of("deliveryMode", "numberingMode"),
                    "JobRequest", List.of("kind"),
                    "JobView", List.of("kind", "state"));
            enumerated.forEach((schema, fields) -> fields.forEach(field -> {
                JsonNode property = schemas.path(schema).path("properties").path(field);
                String reference = property.path("$ref")
                        .asText(property.path("anyOf").path(0).path("$ref").asText());
                String target = reference.substring(reference.lastIndexOf('/') + 1);
                assertThat(schemas.path(target).path("enum").isArray())
                        .as(schema + "." + field + " -> " + property)
                        .isTrue();
            }));
            assertThat(values(schemas, "IngestionState")).contains("needs_confirmation");
        }

        @Test
        void a_nullable_view_field_is_documented_as_such() throws Exception {
            JsonNode relayProfile = schemas("/openapi.json")
                    .path("ProxyView")
                    .path("properties")
                    .path("relayProfile");

            assertThat(relayProfile.path("type").toString()).isEqualTo("[\"string\",\"null\"]");
        }

        private List<String> values(JsonNode schemas, String name) {
            List<String> values = new ArrayList<>();
            schemas.path(name).path("enum").forEach(value -> values.add(value.asText()));
            return values;
        }

        private Set<String> jsonProperties(ObjectMapper mapper, Class<?> type) {
            Set<String> names = new TreeSet<>();
            mapper.getSerializationConfig().introspect(mapper.constructType(type)).findProperties().stream()
                    .map(BeanPropertyDefinition::getName)
                    .forEach(names::add);
            return names;
        }
    }

    @Nested
    class Validation {
        @Test
        void a_response_that_does_not_match_fails_naming_method_path_and_schema_error() throws Exception {
            ServedOpenApi openApi =
                    new ServedOpenApi(get(ServedOpenApi.DOCUMENT).body());
            String key = app.core()
                    .apiKeys()
                    .create(
                            new io.tvarr.domain.admin.port.in.CreateApiKeyCommand(
                                    "document test", io.tvarr.domain.admin.ApiScope.READ),
                            io.tvarr.domain.admin.Actor.system("tests"))
                    .token();
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + app.port() + "/api/v1/version"))
                    .header("Authorization", "Bearer " + key)
                    .build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

            openApi.check(
                    request, null, 200, response.headers(), response.body().getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> openApi.check(
                            request, null, 200, response.headers(), "{\"version\":7}".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("GET /api/v1/version -> 200")
                    .hasMessageContaining("/version");
        }

        @Test
        void an_accepted_request_the_document_refuses_fails() throws Exception {
            ServedOpenApi openApi =
                    new ServedOpenApi(get(ServedOpenApi.DOCUMENT).body());
            String body =
                    "{\"name\":\"News\",\"domain\":\"stream_filter\",\"action\":\"include\",\"expression\":\"true\","
                            + "\"toCommand\":{}}";
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + app.port() + "/api/v1/filters"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            String created =
                    "{\"id\":\"4b0c4b3e-52f4-4f1e-9a55-4a3c8bb7b0a1\",\"name\":\"News\",\"domain\":\"stream_filter\","
                            + "\"action\":\"include\",\"expression\":\"true\"}";
            HttpHeaders headers =
                    HttpHeaders.of(Map.of("Content-Type", List.of("application/json")), (name, value) -> true);

            assertThatThrownBy(
                            () -> openApi.check(request, body, 201, headers, created.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("POST /api/v1/filters -> 201")
                    .hasMessageContaining("toCommand");
        }
    }
}
