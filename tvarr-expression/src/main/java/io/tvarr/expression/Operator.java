package io.tvarr.expression;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Comparison operators with every spelling the language accepts. */
enum Operator {
    EQUALS("equals", false),
    NOT_EQUALS("not_equals", false),
    CONTAINS("contains", false),
    NOT_CONTAINS("not_contains", false),
    STARTS_WITH("starts_with", false),
    NOT_STARTS_WITH("not_starts_with", false),
    ENDS_WITH("ends_with", false),
    NOT_ENDS_WITH("not_ends_with", false),
    MATCHES("matches", false),
    NOT_MATCHES("not_matches", false),
    GREATER_THAN("greater_than", true),
    GREATER_THAN_OR_EQUAL("greater_than_or_equal", true),
    LESS_THAN("less_than", true),
    LESS_THAN_OR_EQUAL("less_than_or_equal", true);

    private static final Map<String, Operator> SPELLINGS = Map.ofEntries(
            Map.entry("equals", EQUALS),
            Map.entry("eq", EQUALS),
            Map.entry("==", EQUALS),
            Map.entry("=", EQUALS),
            Map.entry("not_equals", NOT_EQUALS),
            Map.entry("neq", NOT_EQUALS),
            Map.entry("!=", NOT_EQUALS),
            Map.entry("contains", CONTAINS),
            Map.entry("not_contains", NOT_CONTAINS),
            Map.entry("starts_with", STARTS_WITH),
            Map.entry("not_starts_with", NOT_STARTS_WITH),
            Map.entry("ends_with", ENDS_WITH),
            Map.entry("not_ends_with", NOT_ENDS_WITH),
            Map.entry("matches", MATCHES),
            Map.entry("=~", MATCHES),
            Map.entry("not_matches", NOT_MATCHES),
            Map.entry("!~", NOT_MATCHES),
            Map.entry("greater_than", GREATER_THAN),
            Map.entry("gt", GREATER_THAN),
            Map.entry(">", GREATER_THAN),
            Map.entry("greater_than_or_equal", GREATER_THAN_OR_EQUAL),
            Map.entry("gte", GREATER_THAN_OR_EQUAL),
            Map.entry(">=", GREATER_THAN_OR_EQUAL),
            Map.entry("less_than", LESS_THAN),
            Map.entry("lt", LESS_THAN),
            Map.entry("<", LESS_THAN),
            Map.entry("less_than_or_equal", LESS_THAN_OR_EQUAL),
            Map.entry("lte", LESS_THAN_OR_EQUAL),
            Map.entry("<=", LESS_THAN_OR_EQUAL));

    private final String keyword;
    private final boolean numeric;

    Operator(String keyword, boolean numeric) {
        this.keyword = keyword;
        this.numeric = numeric;
    }

    String keyword() {
        return keyword;
    }

    boolean numeric() {
        return numeric;
    }

    static Optional<Operator> spelled(String text) {
        return Optional.ofNullable(SPELLINGS.get(text.toLowerCase(Locale.ROOT)));
    }

    /** {@code not contains} means {@code not_contains}; only text operators have a negated form. */
    Optional<Operator> negated() {
        return switch (this) {
            case EQUALS -> Optional.of(NOT_EQUALS);
            case CONTAINS -> Optional.of(NOT_CONTAINS);
            case STARTS_WITH -> Optional.of(NOT_STARTS_WITH);
            case ENDS_WITH -> Optional.of(NOT_ENDS_WITH);
            case MATCHES -> Optional.of(NOT_MATCHES);
            default -> Optional.empty();
        };
    }
}
