package io.tvarr.ingest.xtream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tvarr.domain.UpstreamException;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Streams the objects of an Xtream JSON array one at a time as flat maps of their scalar fields (numbers, strings,
 * booleans all as text; nulls and nested values left out), so a 50 MB array never sits in memory whole.
 */
final class XtreamJson {
    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonFactory factory = mapper.getFactory();

    /**
     * As {@link #forEachObject}, giving each object's flat fields together with its JSON text, so an item can be kept
     * as the panel sent it. One element in memory at a time.
     */
    void forEachPanelObject(
            InputStream in, String what, BiConsumer<Map<String, String>, String> consumer, Runnable notAnObject) {
        try (JsonParser parser = factory.createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == null || first == JsonToken.START_OBJECT) {
                return; // panels answer {} or an error object for empty lists
            }
            if (first != JsonToken.START_ARRAY) {
                throw new UpstreamException(what + ": expected a JSON array but found " + first);
            }
            JsonToken item;
            while ((item = parser.nextToken()) != JsonToken.END_ARRAY && item != null) {
                if (item == JsonToken.START_OBJECT) {
                    JsonNode node = mapper.readTree(parser);
                    consumer.accept(scalars(node), node.toString());
                } else {
                    parser.skipChildren();
                    notAnObject.run();
                }
            }
        } catch (IOException e) {
            throw new UpstreamException(
                    what + ": not valid JSON ("
                            + e.getMessage().lines().findFirst().orElse("") + ")",
                    e);
        }
    }

    /**
     * The episodes of one (small) {@code get_series_info} answer with their JSON text, in either layout panels use
     * (see {@link #forEachEpisode}); an episode without {@code season} gets its season key.
     */
    void forEachPanelEpisode(InputStream in, String what, BiConsumer<Map<String, String>, String> consumer) {
        JsonNode answer;
        try {
            answer = mapper.readTree(in);
        } catch (IOException e) {
            throw new UpstreamException(
                    what + ": not valid JSON ("
                            + e.getMessage().lines().findFirst().orElse("") + ")",
                    e);
        }
        JsonNode episodes = answer == null ? null : answer.get("episodes");
        if (episodes == null) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> seasons = episodes.fields();
        if (episodes.isObject()) {
            while (seasons.hasNext()) {
                Map.Entry<String, JsonNode> season = seasons.next();
                season.getValue().forEach(e -> panelEpisode(e, season.getKey(), consumer));
            }
        } else {
            episodes.forEach(e -> {
                if (e.isArray()) {
                    e.forEach(inner -> panelEpisode(inner, "", consumer));
                } else {
                    panelEpisode(e, "", consumer);
                }
            });
        }
    }

    private static void panelEpisode(
            JsonNode episode, String season, BiConsumer<Map<String, String>, String> consumer) {
        if (!episode.isObject()) {
            return;
        }
        Map<String, String> fields = scalars(episode);
        if (!season.isEmpty()) {
            fields.putIfAbsent("season", season);
        }
        consumer.accept(fields, episode.toString());
    }

    /** The scalar fields of an object as text; nulls and nested values left out, as {@link #readFlat} does. */
    private static Map<String, String> scalars(JsonNode node) {
        Map<String, String> fields = new HashMap<>();
        node.fields().forEachRemaining(f -> {
            if (f.getValue().isValueNode() && !f.getValue().isNull()) {
                fields.put(f.getKey(), f.getValue().asText());
            }
        });
        return fields;
    }

    /**
     * Calls the consumer once per object of the top-level array; an object instead of an array yields nothing. An
     * element that is not an object (a number, a string, null, an array) is skipped and reported to
     * {@code notAnObject}, and the elements after it are still read.
     */
    void forEachObject(InputStream in, String what, Consumer<Map<String, String>> consumer, Runnable notAnObject) {
        try (JsonParser parser = factory.createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return;
            }
            if (first == JsonToken.START_OBJECT) {
                parser.skipChildren();
                return; // panels answer {} or an error object for empty lists
            }
            if (first != JsonToken.START_ARRAY) {
                throw new UpstreamException(what + ": expected a JSON array but found " + first);
            }
            elements(parser, consumer, notAnObject);
        } catch (IOException e) {
            throw new UpstreamException(
                    what + ": not valid JSON ("
                            + e.getMessage().lines().findFirst().orElse("") + ")",
                    e);
        }
    }

    /**
     * Calls the consumer once per object of the array under {@code field} of a top-level object (the shape of
     * {@code {"epg_listings":[...]}}). Other fields are skipped; a missing field yields nothing.
     */
    void forEachObjectIn(
            InputStream in, String field, String what, Consumer<Map<String, String>> consumer, Runnable notAnObject) {
        try (JsonParser parser = factory.createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                parser.skipChildren();
                return; // an empty answer is sometimes sent as []
            }
            if (first != JsonToken.START_OBJECT) {
                throw new UpstreamException(what + ": expected a JSON object but found " + first);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals(field) && value == JsonToken.START_ARRAY) {
                    elements(parser, consumer, notAnObject);
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new UpstreamException(
                    what + ": not valid JSON ("
                            + e.getMessage().lines().findFirst().orElse("") + ")",
                    e);
        }
    }

    /**
     * Calls the consumer once per episode of a {@code get_series_info} answer. Panels send {@code episodes} as an
     * object of season arrays ({@code {"1":[...],"2":[...]}}) or as an array of such arrays; both are read, and an
     * episode without a {@code season} field gets its season key.
     */
    void forEachEpisode(InputStream in, String what, Consumer<Map<String, String>> consumer) {
        try (JsonParser parser = factory.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!name.equals("episodes")) {
                    parser.skipChildren();
                } else if (value == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String season = parser.currentName();
                        if (parser.nextToken() == JsonToken.START_ARRAY) {
                            episodes(parser, season, consumer);
                        } else {
                            parser.skipChildren();
                        }
                    }
                } else if (value == JsonToken.START_ARRAY) {
                    JsonToken item;
                    while ((item = parser.nextToken()) != JsonToken.END_ARRAY && item != null) {
                        if (item == JsonToken.START_ARRAY) {
                            episodes(parser, "", consumer);
                        } else if (item == JsonToken.START_OBJECT) {
                            consumer.accept(readFlat(parser));
                        } else {
                            parser.skipChildren();
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new UpstreamException(
                    what + ": not valid JSON ("
                            + e.getMessage().lines().findFirst().orElse("") + ")",
                    e);
        }
    }

    /** The elements of the array just opened, up to its end; non-objects are skipped, not the end of the array. */
    private static void elements(JsonParser parser, Consumer<Map<String, String>> consumer, Runnable notAnObject)
            throws IOException {
        JsonToken item;
        while ((item = parser.nextToken()) != JsonToken.END_ARRAY && item != null) {
            if (item == JsonToken.START_OBJECT) {
                consumer.accept(readFlat(parser));
            } else {
                parser.skipChildren();
                notAnObject.run();
            }
        }
    }

    private static void episodes(JsonParser parser, String season, Consumer<Map<String, String>> consumer)
            throws IOException {
        JsonToken item;
        while ((item = parser.nextToken()) != JsonToken.END_ARRAY && item != null) {
            if (item == JsonToken.START_OBJECT) {
                Map<String, String> episode = readFlat(parser);
                if (!season.isEmpty()) {
                    episode.putIfAbsent("season", season);
                }
                consumer.accept(episode);
            } else {
                parser.skipChildren();
            }
        }
    }

    /** Reads one whole (small) object as flat scalars. */
    Map<String, String> readObject(InputStream in, String what) {
        try (JsonParser parser = factory.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new UpstreamException(what + ": expected a JSON object");
            }
            return readNested(parser, "");
        } catch (IOException e) {
            throw new UpstreamException(
                    what + ": not valid JSON ("
                            + e.getMessage().lines().findFirst().orElse("") + ")",
                    e);
        }
    }

    private static Map<String, String> readFlat(JsonParser parser) throws IOException {
        Map<String, String> fields = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                parser.skipChildren();
            } else if (value != JsonToken.VALUE_NULL) {
                fields.put(name, parser.getText());
            }
        }
        return fields;
    }

    /** Nested objects flattened with dotted names ("user_info.status"); arrays skipped. */
    private static Map<String, String> readNested(JsonParser parser, String prefix) throws IOException {
        Map<String, String> fields = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = prefix + parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_OBJECT) {
                fields.putAll(readNested(parser, name + "."));
            } else if (value == JsonToken.START_ARRAY) {
                parser.skipChildren();
            } else if (value != JsonToken.VALUE_NULL) {
                fields.put(name, parser.getText());
            }
        }
        return fields;
    }
}
