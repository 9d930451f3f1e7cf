package io.tvarr.http.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Turns the OpenAPI 3.0 document that javalin-openapi's annotation processor writes into OpenAPI 3.1. The
 * processor only emits 3.0 and no library on Maven Central converts 3.0 to 3.1, so this applies the differences
 * that matter for what the processor writes: the version and JSON Schema dialect, {@code nullable} (3.1 has the
 * {@code null} type instead), boolean {@code exclusiveMinimum}/{@code exclusiveMaximum} (numbers in 3.1) and
 * a schema's {@code example} (an {@code examples} list in 3.1).
 */
final class OpenApi31 {
    static final String VERSION = "3.1.0";
    static final String DIALECT = "https://spec.openapis.org/oas/3.1/dialect/base";

    /** Keywords whose value is one schema. */
    private static final List<String> SUBSCHEMA = List.of("items", "additionalProperties", "not");
    /** Keywords whose value is a list of schemas. */
    private static final List<String> SUBSCHEMA_LISTS = List.of("allOf", "anyOf", "oneOf");
    /** The keywords of a schema that hold alternatives for its value, moved together when null is added. */
    private static final List<String> ALTERNATIVES = List.of("$ref", "allOf", "anyOf", "oneOf");

    private OpenApi31() {}

    /** Converts {@code document} in place and returns it. */
    static ObjectNode convert(ObjectNode document) {
        document.put("openapi", VERSION);
        document.put("jsonSchemaDialect", DIALECT);
        visitDocument(document);
        return document;
    }

    /** Outside schemas, a schema sits under a {@code schema} key or in the {@code components.schemas} map. */
    private static void visitDocument(JsonNode node) {
        if (node.isArray()) {
            node.forEach(OpenApi31::visitDocument);
            return;
        }
        if (!node.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            JsonNode value = field.getValue();
            if (field.getKey().equals("schema") && value.isObject()) {
                visitSchema((ObjectNode) value);
            } else if (field.getKey().equals("schemas") && value.isObject()) {
                value.forEach(schema -> visitObjectSchema(schema));
            } else {
                visitDocument(value);
            }
        }
    }

    private static void visitObjectSchema(JsonNode node) {
        if (node.isObject()) {
            visitSchema((ObjectNode) node);
        }
    }

    private static void visitSchema(ObjectNode schema) {
        schema.path("properties").forEach(OpenApi31::visitObjectSchema);
        SUBSCHEMA.forEach(keyword -> visitObjectSchema(schema.path(keyword)));
        SUBSCHEMA_LISTS.forEach(keyword -> schema.path(keyword).forEach(OpenApi31::visitObjectSchema));
        convertNullable(schema);
        convertExclusiveBound(schema, "exclusiveMinimum", "minimum");
        convertExclusiveBound(schema, "exclusiveMaximum", "maximum");
        if (schema.has("example") && !schema.has("examples")) {
            schema.putArray("examples").add(schema.remove("example"));
        }
    }

    private static void convertNullable(ObjectNode schema) {
        JsonNode nullable = schema.remove("nullable");
        if (nullable == null || !nullable.asBoolean()) {
            return;
        }
        JsonNode type = schema.get("type");
        if (type != null && type.isTextual()) {
            schema.putArray("type").add(type.asText()).add("null");
            if (schema.get("enum") instanceof ArrayNode values) {
                values.addNull();
            }
            return;
        }
        // a reference or composition: either that, or null
        ObjectNode value = schema.objectNode();
        for (String keyword : ALTERNATIVES) {
            JsonNode alternative = schema.remove(keyword);
            if (alternative != null) {
                value.set(keyword, alternative);
            }
        }
        ArrayNode anyOf = schema.putArray("anyOf");
        anyOf.add(value);
        anyOf.addObject().put("type", "null");
    }

    /** 3.0 marks a bound exclusive with a boolean beside it; 3.1 gives the bound itself. */
    private static void convertExclusiveBound(ObjectNode schema, String exclusive, String inclusive) {
        JsonNode flag = schema.get(exclusive);
        if (flag == null || !flag.isBoolean()) {
            return;
        }
        schema.remove(exclusive);
        if (flag.asBoolean() && schema.has(inclusive)) {
            schema.set(exclusive, schema.remove(inclusive));
        }
    }
}
