package io.tvarr.persistence.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tvarr.domain.StorageException;
import java.util.List;
import java.util.Map;

/** Encodes the maps and lists kept in text columns as JSON. Thread-safe. */
public final class JsonColumns {
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};
    private static final TypeReference<Map<String, Long>> LONG_MAP = new TypeReference<>() {};
    private static final TypeReference<Map<String, Object>> OBJECT_MAP = new TypeReference<>() {};
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {};
    private static final TypeReference<List<Map<String, String>>> MAP_LIST = new TypeReference<>() {};

    private final ObjectMapper mapper = new ObjectMapper();

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StorageException(
                    "json column: cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    public Map<String, String> stringMap(String json) {
        return read(json, STRING_MAP);
    }

    public Map<String, Long> longMap(String json) {
        return read(json, LONG_MAP);
    }

    public Map<String, Object> objectMap(String json) {
        return read(json, OBJECT_MAP);
    }

    public List<String> stringList(String json) {
        return read(json, STRING_LIST);
    }

    public List<Map<String, String>> mapList(String json) {
        return read(json, MAP_LIST);
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StorageException("json column: cannot decode '" + abbreviate(json) + "'", e);
        }
    }

    private static String abbreviate(String json) {
        return json.length() > 80 ? json.substring(0, 80) + "…" : json;
    }
}
