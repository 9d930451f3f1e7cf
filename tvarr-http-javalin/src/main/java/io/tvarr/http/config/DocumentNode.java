package io.tvarr.http.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.tvarr.domain.ValidationException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One mapping of a document being read, with its place ({@code proxies[2].access}) for messages. Each read key is
 * noted, so {@link #done} can refuse the keys nobody asked for: a misspelt key would otherwise be silently dropped.
 * Not thread-safe.
 */
final class DocumentNode {
    private final JsonNode node;
    private final String path;
    private final Set<String> known = new LinkedHashSet<>();

    private DocumentNode(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    static DocumentNode root(JsonNode node) {
        if (!node.isObject()) {
            throw new ValidationException("document: expected a mapping of sources, guides, filters, mapping_rules,"
                    + " relay_profiles and proxies");
        }
        return new DocumentNode(node, "");
    }

    String path() {
        return path;
    }

    String at(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private @Nullable JsonNode value(String key) {
        known.add(key);
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : value;
    }

    String text(String key) {
        String text = optText(key);
        if (text == null || text.isBlank()) {
            throw new ValidationException(at(key) + ": required");
        }
        return text;
    }

    @Nullable
    String optText(String key) {
        JsonNode value = value(key);
        if (value == null) {
            return null;
        }
        if (!value.isValueNode()) {
            throw new ValidationException(at(key) + ": expected a text");
        }
        return value.asText();
    }

    boolean bool(String key, boolean otherwise) {
        JsonNode value = value(key);
        if (value == null) {
            return otherwise;
        }
        if (!value.isBoolean()) {
            throw new ValidationException(at(key) + ": expected true or false");
        }
        return value.booleanValue();
    }

    int integer(String key, int otherwise) {
        JsonNode value = value(key);
        if (value == null) {
            return otherwise;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new ValidationException(at(key) + ": expected a whole number");
        }
        return value.intValue();
    }

    @Nullable
    Integer optInteger(String key) {
        JsonNode value = value(key);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new ValidationException(at(key) + ": expected a whole number");
        }
        return value.intValue();
    }

    @Nullable
    Instant instant(String key) {
        String text = optText(key);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ValidationException(
                    at(key) + ": '" + text + "' (expected: a UTC time like 2027-01-31T00:00:00Z)");
        }
    }

    <E extends Enum<E>> E word(String key, Class<E> type, @Nullable E otherwise) {
        String text = optText(key);
        if (text == null) {
            if (otherwise == null) {
                throw new ValidationException(at(key) + ": required");
            }
            return otherwise;
        }
        for (E value : type.getEnumConstants()) {
            if (value.name().equalsIgnoreCase(text.strip())) {
                return value;
            }
        }
        List<String> words = new ArrayList<>();
        for (E value : type.getEnumConstants()) {
            words.add(value.name().toLowerCase(Locale.ROOT));
        }
        throw new ValidationException(at(key) + ": '" + text + "' (expected: " + String.join(", ", words) + ")");
    }

    /** A list of mappings; absent is empty. */
    List<DocumentNode> nodes(String key) {
        List<DocumentNode> list = new ArrayList<>();
        JsonNode value = list(key);
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String place = at(key) + "[" + i + "]";
            if (!item.isObject()) {
                throw new ValidationException(place + ": expected a mapping");
            }
            list.add(new DocumentNode(item, place));
        }
        return list;
    }

    /** A list of texts; absent is empty. */
    List<String> texts(String key) {
        List<String> list = new ArrayList<>();
        JsonNode value = list(key);
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (item == null || !item.isValueNode() || item.isNull()) {
                throw new ValidationException(at(key) + "[" + i + "]: expected a text");
            }
            list.add(item.asText());
        }
        return list;
    }

    /** The raw items of a list, for lists whose items may take two shapes. */
    List<JsonNode> items(String key) {
        List<JsonNode> list = new ArrayList<>();
        list(key).forEach(list::add);
        return list;
    }

    DocumentNode child(JsonNode item, String place) {
        return new DocumentNode(item, place);
    }

    private JsonNode list(String key) {
        JsonNode value = value(key);
        if (value == null) {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
        if (!value.isArray()) {
            throw new ValidationException(at(key) + ": expected a list");
        }
        return value;
    }

    /** A nested mapping; absent reads as an empty one, so its defaults apply. */
    DocumentNode object(String key) {
        JsonNode value = value(key);
        if (value == null) {
            return new DocumentNode(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), at(key));
        }
        if (!value.isObject()) {
            throw new ValidationException(at(key) + ": expected a mapping");
        }
        return new DocumentNode(value, at(key));
    }

    /** Builds a value whose own checks name the field ("name: required"), placed under this node's path. */
    <T> T build(Supplier<T> value) {
        try {
            return value.get();
        } catch (ValidationException e) {
            String message = String.valueOf(e.getMessage());
            if (!path.isEmpty() && message.startsWith(path)) {
                throw e; // read by this node's accessors: already placed
            }
            throw new ValidationException(at(message), e);
        }
    }

    /** @throws ValidationException for a key that was never read: unknown, or misspelt */
    void done() {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new ValidationException(
                        at(name) + ": unknown key (expected one of: " + String.join(", ", known) + ")");
            }
        }
    }
}
