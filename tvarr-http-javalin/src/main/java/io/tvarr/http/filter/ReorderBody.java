package io.tvarr.http.filter;

import io.javalin.openapi.OpenApiNullable;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The new order of every mapping rule. */
record ReorderBody(@OpenApiNullable @Nullable List<String> order) {}
