package io.tvarr.persistence.channel;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tvarr.domain.StorageException;
import io.tvarr.persistence.sql.JsonColumns;
import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A channel's attributes in their text column: a flat JSON object of strings, through Jackson's streaming generator
 * and parser. Every channel of a 100k-entry playlist has some (tvg-language, catch-up settings), and going through
 * data binding for each row (serializer lookup for a map, a binding reader) cost more than the rest of the row's
 * values together. A value of any other shape is left to {@link JsonColumns}, so every valid value still reads back.
 * Thread-safe.
 */
final class AttributesJson {
    private final JsonFactory factory = new JsonFactory();
    private final JsonColumns json;

    AttributesJson(JsonColumns json) {
        this.json = json;
    }

    /** The attributes as JSON, in the form Jackson's data binding writes ({@code {"a":"b"}}). */
    String write(Map<String, String> attributes) {
        if (attributes.isEmpty()) {
            return "{}";
        }
        // the factory's generator takes its buffers from Jackson's recycler pool: a recycler of its own per row cost
        // two 4000-char buffers per channel, a tenth of a 100k-channel store (#19)
        StringWriter out = new StringWriter(64);
        try {
            try (JsonGenerator generator = factory.createGenerator(out)) {
                generator.writeStartObject();
                for (Map.Entry<String, String> attribute : attributes.entrySet()) {
                    generator.writeStringField(attribute.getKey(), attribute.getValue());
                }
                generator.writeEndObject();
            }
            return out.toString();
        } catch (IOException e) {
            throw new StorageException("channel attributes could not be written as JSON", e);
        }
    }

    /** The attributes of a column's UTF-8; empty for a missing value. */
    Map<String, String> read(byte @Nullable [] utf8) {
        if (utf8 == null) {
            return Map.of();
        }
        Map<String, String> flat = flatObject(utf8);
        return flat != null ? flat : json.stringMap(utf8);
    }

    /** An object whose values are all strings (the last of a repeated key wins), or null for any other shape. */
    private @Nullable Map<String, String> flatObject(byte[] utf8) {
        try (JsonParser parser = factory.createParser(utf8)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Map<String, String> attributes = new HashMap<>();
            for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
                if (parser.nextToken() != JsonToken.VALUE_STRING) {
                    return null;
                }
                attributes.put(key, parser.getText());
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                return null;
            }
            return attributes;
        } catch (IOException malformed) {
            return null; // JsonColumns reads it again and names the problem
        }
    }
}
