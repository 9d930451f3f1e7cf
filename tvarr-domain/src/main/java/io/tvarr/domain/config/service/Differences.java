package io.tvarr.domain.config.service;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Which settings of two records of one type differ, by their names in the document (snake_case). */
final class Differences {
    private Differences() {}

    static List<String> between(Record before, Record after) {
        List<String> changed = new ArrayList<>();
        for (RecordComponent component : before.getClass().getRecordComponents()) {
            try {
                Object a = component.getAccessor().invoke(before);
                Object b = component.getAccessor().invoke(after);
                if (!Objects.equals(a, b)) {
                    changed.add(snake(component.getName()));
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("record component " + component.getName() + " unreadable", e);
            }
        }
        return changed;
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
