package io.tvarr.domain.ingestion.service;

import io.tvarr.domain.ValidationException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** The source handlers of one family, looked up by the kind of source they read. */
final class HandlersByKind<K extends Enum<K>, H> {
    private final Map<K, H> handlers;

    HandlersByKind(Class<K> kinds, List<H> handlers, Function<H, K> kindOf) {
        this.handlers = new EnumMap<>(kinds);
        handlers.forEach(h -> this.handlers.put(kindOf.apply(h), h));
    }

    /** The handler of that kind; null when there is none, for families only some kinds have. */
    @Nullable
    H findForKind(K kind) {
        return handlers.get(kind);
    }

    H forKind(K kind) {
        H handler = handlers.get(kind);
        if (handler == null) {
            throw new ValidationException("kind: no handler for " + kind);
        }
        return handler;
    }
}
