package io.tvarr.expression;

import org.jspecify.annotations.Nullable;

/** A mutable view of one channel or programme, addressed by {@link Field#index()}. Not thread-safe. */
public interface FieldValues {
    @Nullable
    String get(int index);

    void set(int index, @Nullable String value);
}
