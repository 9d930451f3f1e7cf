package io.tvarr.expression;

import java.util.ArrayList;
import java.util.List;

/** Splits an expression into tokens. Quoted strings are decoded here, so nothing inside them is ever a keyword. */
final class Lexer {
    private static final String[] SYMBOLS = {
        "==", "!=", "=~", "!~", ">=", "<=", "?=", "+=", "-=", "&&", "||", "=", ">", "<", "!", "(", ")", ","
    };

    private final String input;
    private int pos;

    Lexer(String input) {
        this.input = input;
    }

    List<Token> tokens() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (pos >= input.length()) {
                tokens.add(new Token(TokenType.END, "", input.length() + 1));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private Token next() {
        char c = input.charAt(pos);
        int column = pos + 1;
        if (c == '"' || c == '\'') {
            return string(c, column);
        }
        if (c == '$') {
            return reference(column);
        }
        if (Character.isDigit(c)
                || (c == '-' && pos + 1 < input.length() && Character.isDigit(input.charAt(pos + 1)))) {
            return number(column);
        }
        if (isWordStart(c)) {
            int start = pos;
            while (pos < input.length() && isWordPart(input.charAt(pos))) {
                pos++;
            }
            return new Token(TokenType.WORD, input.substring(start, pos), column);
        }
        for (String symbol : SYMBOLS) {
            if (input.startsWith(symbol, pos)) {
                pos += symbol.length();
                return new Token(TokenType.SYMBOL, symbol, column);
            }
        }
        throw new ExpressionException("unexpected character '" + c + "'", column, input);
    }

    private Token string(char quote, int column) {
        StringBuilder text = new StringBuilder();
        pos++;
        while (pos < input.length()) {
            char c = input.charAt(pos++);
            if (c == quote) {
                return new Token(TokenType.STRING, text.toString(), column);
            }
            if (c == '\\') {
                if (pos >= input.length()) {
                    break;
                }
                char escaped = input.charAt(pos++);
                switch (escaped) {
                    case 'n' -> text.append('\n');
                    case 't' -> text.append('\t');
                    case '"', '\'', '\\' -> text.append(escaped);
                    default -> text.append('\\').append(escaped);
                }
            } else {
                text.append(c);
            }
        }
        throw new ExpressionException("string is not closed (missing " + quote + ")", column, input);
    }

    private Token reference(int column) {
        pos++;
        int start = pos;
        if (pos < input.length() && Character.isDigit(input.charAt(pos))) {
            pos++;
            String digit = input.substring(start, pos);
            if (digit.equals("0")) {
                throw new ExpressionException("capture references are $1 to $9", column, input);
            }
            return new Token(TokenType.CAPTURE_REF, digit, column);
        }
        while (pos < input.length() && isWordPart(input.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw new ExpressionException("expected a field name or capture number after '$'", column, input);
        }
        return new Token(TokenType.FIELD_REF, input.substring(start, pos), column);
    }

    private Token number(int column) {
        int start = pos;
        pos++;
        while (pos < input.length() && (Character.isDigit(input.charAt(pos)) || input.charAt(pos) == '.')) {
            pos++;
        }
        String text = input.substring(start, pos);
        try {
            Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new ExpressionException("'" + text + "' is not a number", column, input);
        }
        return new Token(TokenType.NUMBER, text, column);
    }

    private void skipWhitespace() {
        while (pos < input.length() && Character.isWhitespace(input.charAt(pos))) {
            pos++;
        }
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
