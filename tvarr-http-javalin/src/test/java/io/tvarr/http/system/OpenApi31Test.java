package io.tvarr.http.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OpenApi31Test {
    private final ObjectMapper json = new ObjectMapper();

    private ObjectNode convert(String document) throws Exception {
        return OpenApi31.convert((ObjectNode) json.readTree(document.replace('\'', '"')));
    }

    private JsonNode schema(ObjectNode document, String name) {
        return document.path("components").path("schemas").path(name);
    }

    @Nested
    class Document {
        @Test
        void is_declared_3_1_with_the_oas_dialect() throws Exception {
            ObjectNode document = convert("{'openapi':'3.0.3','paths':{}}");

            assertThat(document.path("openapi").asText()).isEqualTo("3.1.0");
            assertThat(document.path("jsonSchemaDialect").asText())
                    .isEqualTo("https://spec.openapis.org/oas/3.1/dialect/base");
        }
    }

    @Nested
    class Nullable {
        @Test
        void a_nullable_type_becomes_a_type_list_with_null() throws Exception {
            ObjectNode document = convert("{'openapi':'3.0.3','components':{'schemas':{'A':{'type':'object',"
                    + "'properties':{'name':{'type':'string','nullable':true},'size':{'type':'integer'}}}}}}");

            JsonNode properties = schema(document, "A").path("properties");
            assertThat(properties.path("name").toString()).isEqualTo("{\"type\":[\"string\",\"null\"]}");
            assertThat(properties.path("size").toString()).isEqualTo("{\"type\":\"integer\"}");
        }

        @Test
        void a_nullable_enum_also_allows_null_among_its_values() throws Exception {
            ObjectNode document = convert("{'openapi':'3.0.3','components':{'schemas':{'A':{'type':'object',"
                    + "'properties':{'kind':{'type':'string','enum':['m3u','xtream'],'nullable':true}}}}}}");

            assertThat(schema(document, "A").path("properties").path("kind").toString())
                    .isEqualTo("{\"type\":[\"string\",\"null\"],\"enum\":[\"m3u\",\"xtream\",null]}");
        }

        @Test
        void a_nullable_reference_becomes_any_of_the_reference_or_null() throws Exception {
            ObjectNode document = convert(
                    "{'openapi':'3.0.3','components':{'schemas':{'A':{'type':'object',"
                            + "'properties':{'report':{'$ref':'#/components/schemas/B','nullable':true,'description':'d'}}}}}}");

            assertThat(schema(document, "A").path("properties").path("report").toString())
                    .isEqualTo("{\"description\":\"d\",\"anyOf\":[{\"$ref\":\"#/components/schemas/B\"},"
                            + "{\"type\":\"null\"}]}");
        }

        @Test
        void schemas_in_parameters_array_items_and_maps_are_converted_too() throws Exception {
            ObjectNode document = convert("{'openapi':'3.0.3','paths':{'/a':{'get':{"
                    + "'parameters':[{'name':'q','in':'query','schema':{'type':'string','nullable':true}}],"
                    + "'responses':{'200':{'description':'OK','content':{'application/json':{'schema':{"
                    + "'type':'array','items':{'type':'object','additionalProperties':"
                    + "{'type':'integer','nullable':true}}}}}}}}}}}");

            JsonNode get = document.path("paths").path("/a").path("get");
            assertThat(get.path("parameters")
                            .path(0)
                            .path("schema")
                            .path("type")
                            .toString())
                    .isEqualTo("[\"string\",\"null\"]");
            assertThat(get.findPath("additionalProperties").path("type").toString())
                    .isEqualTo("[\"integer\",\"null\"]");
        }

        @Test
        void nullable_false_is_dropped() throws Exception {
            ObjectNode document =
                    convert("{'openapi':'3.0.3','components':{'schemas':{'A':{'type':'string','nullable':false}}}}");

            assertThat(schema(document, "A").toString()).isEqualTo("{\"type\":\"string\"}");
        }
    }

    @Nested
    class Keywords {
        @Test
        void boolean_exclusive_bounds_become_numbers() throws Exception {
            ObjectNode document = convert("{'openapi':'3.0.3','components':{'schemas':{'A':{'type':'integer',"
                    + "'minimum':0,'exclusiveMinimum':true,'maximum':10,'exclusiveMaximum':false}}}}");

            assertThat(schema(document, "A").toString())
                    .isEqualTo("{\"type\":\"integer\",\"maximum\":10,\"exclusiveMinimum\":0}");
        }

        @Test
        void a_schema_example_becomes_examples() throws Exception {
            ObjectNode document =
                    convert("{'openapi':'3.0.3','components':{'schemas':{'A':{'type':'string','example':'bbc'}}}}");

            assertThat(schema(document, "A").toString()).isEqualTo("{\"type\":\"string\",\"examples\":[\"bbc\"]}");
        }

        @Test
        void a_property_named_like_a_keyword_is_left_alone() throws Exception {
            ObjectNode document = convert("{'openapi':'3.0.3','components':{'schemas':{'A':{'type':'object',"
                    + "'properties':{'nullable':{'type':'boolean'},'example':{'type':'string'}}}}}}");

            assertThat(schema(document, "A").path("properties").toString())
                    .isEqualTo("{\"nullable\":{\"type\":\"boolean\"},\"example\":{\"type\":\"string\"}}");
        }
    }
}
