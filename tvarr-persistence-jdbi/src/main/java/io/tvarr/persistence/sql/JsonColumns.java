package io.tvarr.persistence.sql;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.tvarr.domain.StorageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Encodes the maps and lists kept in text columns as JSON. Thread-safe. */
public final class JsonColumns {
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};
    private static final TypeReference<Map<String, Long>> LONG_MAP = new TypeReference<>() {};
    private static final TypeReference<Map<String, Object>> OBJECT_MAP = new TypeReference<>() {};
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {};
    private static final TypeReference<List<Map<String, String>>> MAP_LIST = new TypeReference<>() {};

    private final ObjectMapper mapper = new ObjectMapper();
    // readers resolve their type once; readValue(json, TypeReference) resolves it on every row
    private final ObjectReader stringMap = mapper.readerFor(STRING_MAP);
    private final ObjectReader longMap = mapper.readerFor(LONG_MAP);
    private final ObjectReader objectMap = mapper.readerFor(OBJECT_MAP);
    private final ObjectReader stringList = mapper.readerFor(STRING_LIST);
    private final ObjectReader mapList = mapper.readerFor(MAP_LIST);

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StorageException(
                    "json column: cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    /** A JSON object of strings, from the column's UTF-8; a missing value is an empty map. */
    public Map<String, String> stringMap(byte @Nullable [] json) {
        if (json == null || (json.length == 2 && json[0] == '{' && json[1] == '}')) {
            return Map.of();
        }
        try {
            return stringMap.readValue(json);
        } catch (IOException e) {
            throw new StorageException(
                    "json column: cannot decode '" + abbreviate(new String(json, StandardCharsets.UTF_8)) + "'", e);
        }
    }

    public Map<String, Long> longMap(String json) {
        return read(json, longMap);
    }

    public Map<String, Object> objectMap(String json) {
        return read(json, objectMap);
    }

    /** A JSON array of strings; read with the streaming parser, which is several times cheaper than binding. */
    public List<String> stringList(String json) {
        return stringList(json.getBytes(StandardCharsets.UTF_8));
    }

    /** {@link #stringList(String)} from the column's UTF-8, sparing a string that would only be parsed. */
    public List<String> stringList(byte @Nullable [] json) {
        if (json == null || (json.length == 2 && json[0] == '[' && json[1] == ']')) {
            return List.of();
        }
        try (JsonParser parser = mapper.getFactory().createParser(json)) {
            if (parser.nextToken() == JsonToken.START_ARRAY) {
                List<String> values = new ArrayList<>(4);
                JsonToken token;
                while ((token = parser.nextToken()) == JsonToken.VALUE_STRING) {
                    values.add(parser.getText());
                }
                if (token == JsonToken.END_ARRAY) {
                    return values;
                }
            }
        } catch (IOException e) {
            // not the simple shape; the binding reader below reports it properly
        }
        return read(new String(json, StandardCharsets.UTF_8), stringList);
    }

    public List<Map<String, String>> mapList(String json) {
        return read(json, mapList);
    }

    private static <T> T read(String json, ObjectReader reader) {
        if (json.equals("[]")) {
            @SuppressWarnings("unchecked")
            T empty = (T) List.of();
            return empty;
        }
        try {
            return reader.readValue(json);
        } catch (JsonProcessingException e) {
            throw new StorageException("json column: cannot decode '" + abbreviate(json) + "'", e);
        }
    }

    private static String abbreviate(String json) {
        return json.length() > 80 ? json.substring(0, 80) + "…" : json;
    }
}
