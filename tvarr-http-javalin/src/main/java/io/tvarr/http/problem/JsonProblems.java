package io.tvarr.http.problem;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Turns Jackson's failures into plain words: the field path, what JSON was expected and what was found, and the line
 * and column. Jackson's own messages name Java classes ({@code java.lang.Integer}), which mean nothing to a client.
 */
final class JsonProblems {
    private static final int SHOWN_CHARS = 40;
    private static final Pattern TOKEN = Pattern.compile("JsonToken\\.([A-Z_]+)");

    private JsonProblems() {}

    static String describe(JacksonException e) {
        String where = where(e.getLocation());
        if (e instanceof UnrecognizedPropertyException unknown) {
            return path(unknown) + ": unknown field (known: " + known(unknown.getKnownPropertyIds()) + ")" + where;
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return path(mismatch) + ": expected " + expected(mismatch.getTargetType()) + ", found " + found(mismatch)
                    + where;
        }
        if (e instanceof DatabindException bound) {
            return path(bound) + ": cannot be read" + where;
        }
        return "malformed JSON body" + where + ": " + clean(e.getOriginalMessage());
    }

    private static String where(@Nullable JsonLocation at) {
        return at == null || at.getLineNr() < 0 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    private static String path(DatabindException e) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return "request body";
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference step : mapping.getPath()) {
            if (step.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "request body" : path.toString();
    }

    private static String known(@Nullable Collection<Object> ids) {
        return ids == null ? "" : ids.stream().map(Objects::toString).sorted().collect(Collectors.joining(", "));
    }

    private static String expected(Class<?> type) {
        if (type == Integer.class
                || type == int.class
                || type == Long.class
                || type == long.class
                || type == Short.class
                || type == short.class
                || type == java.math.BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == java.util.UUID.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 time as a string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static String found(MismatchedInputException e) {
        if (e instanceof InvalidFormatException invalid && invalid.getValue() != null) {
            Object value = invalid.getValue();
            return value instanceof String text ? quoted(text) : value.toString();
        }
        JsonToken token = token(e);
        if (token == null) {
            return "another value";
        }
        return switch (token) {
            case START_OBJECT, END_OBJECT, FIELD_NAME -> "an object";
            case START_ARRAY, END_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "a whole number";
            case VALUE_NUMBER_FLOAT -> "a fraction";
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> "null";
            default -> "another value";
        };
    }

    /** The offending token; the parser may be gone by the time the exception is handled, the message keeps it. */
    private static @Nullable JsonToken token(MismatchedInputException e) {
        if (e.getProcessor() instanceof JsonParser parser && parser.currentToken() != null) {
            return parser.currentToken();
        }
        Matcher named = TOKEN.matcher(String.valueOf(e.getOriginalMessage()));
        if (!named.find()) {
            return null;
        }
        try {
            return JsonToken.valueOf(named.group(1));
        } catch (IllegalArgumentException unknown) {
            return null; // a token name from a newer Jackson: say less rather than fail
        }
    }

    private static String quoted(String text) {
        return "\"" + (text.length() > SHOWN_CHARS ? text.substring(0, SHOWN_CHARS) + "…" : text) + "\"";
    }

    /** Parse messages quote the source and a start marker; the location is reported separately. */
    private static String clean(@Nullable String message) {
        if (message == null) {
            return "unreadable";
        }
        return List.of(message.split("\n"))
                .get(0)
                .replaceAll("\\s*\\(start marker at .*", "")
                .replaceAll("\\s*\\[Source:.*?\\]", "")
                .replace("`", "'");
    }
}
