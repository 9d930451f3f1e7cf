package io.tvarr.http;

import io.tvarr.domain.ValidationException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Enum values in the API are lower-case names; parsing names the field and the accepted values. */
public final class EnumParam {
    private EnumParam() {}

    public static <E extends Enum<E>> E parse(Class<E> type, @Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field + ": must be given (expected: " + accepted(type) + ")");
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(field + ": '" + value + "' (expected: " + accepted(type) + ")");
        }
    }

    public static String format(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static <E extends Enum<E>> String accepted(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(EnumParam::format).collect(Collectors.joining(", "));
    }
}
