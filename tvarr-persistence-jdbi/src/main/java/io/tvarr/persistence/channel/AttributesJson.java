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

    /** A writer of the attributes of one replace's channels, one after the other; close it with the replace. */
    Encoder encoder() {
        return new Encoder();
    }

    /**
     * The attributes of many channels as JSON, in the form Jackson's data binding writes ({@code {"a":"b"}}), through
     * one generator over one buffer: a generator made per row (its context, its buffers from the recycler pool) cost
     * more than the JSON it wrote, a tenth of a 100k-channel store (#19). Not thread-safe.
     */
    final class Encoder implements AutoCloseable {
        private final StringWriter out = new StringWriter(256);
        private final JsonGenerator generator;

        private Encoder() {
            try {
                generator = factory.createGenerator(out);
            } catch (IOException e) {
                throw new StorageException("channel attributes could not be written as JSON", e);
            }
            // each value is taken out on its own: no separator between one channel's object and the next
            generator.setRootValueSeparator(null);
        }

        String write(Map<String, String> attributes) {
            if (attributes.isEmpty()) {
                return "{}";
            }
            out.getBuffer().setLength(0);
            try {
                generator.writeStartObject();
                for (Map.Entry<String, String> attribute : attributes.entrySet()) {
                    generator.writeStringField(attribute.getKey(), attribute.getValue());
                }
                generator.writeEndObject();
                generator.flush();
            } catch (IOException e) {
                throw new StorageException("channel attributes could not be written as JSON", e);
            }
            return out.toString();
        }

        @Override
        public void close() {
            try {
                generator.close();
            } catch (IOException e) {
                // only a StringWriter behind it, which holds nothing to lose
            }
        }
    }

    /** The attributes of a column's UTF-8; empty for a missing value. */
    Map<String, String> read(byte @Nullable [] utf8) {
        if (utf8 == null || utf8.length == 2 && utf8[0] == '{' && utf8[1] == '}') {
            return Map.of(); // what the encoder writes for none: no parser made for it
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
