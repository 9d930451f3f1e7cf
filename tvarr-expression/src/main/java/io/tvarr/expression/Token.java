package io.tvarr.expression;

import java.util.Locale;

/** One token with its 1-based column; {@code text} is the decoded value for strings. */
record Token(TokenType type, String text, int column) {
    boolean isWord(String word) {
        return type == TokenType.WORD && text.equalsIgnoreCase(word);
    }

    boolean isSymbol(String symbol) {
        return type == TokenType.SYMBOL && text.equals(symbol);
    }

    String lower() {
        return text.toLowerCase(Locale.ROOT);
    }

    String describe() {
        return switch (type) {
            case END -> "end of expression";
            case STRING -> "string \"" + text + "\"";
            default -> "'" + text + "'";
        };
    }
}
