package io.tvarr.expression;

/** Kinds of token; words (fields, keywords, operator words) are all {@link #WORD}. */
enum TokenType {
    WORD,
    STRING,
    NUMBER,
    FIELD_REF,
    CAPTURE_REF,
    SYMBOL,
    END
}
