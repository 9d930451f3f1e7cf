package io.tvarr.expression;

import io.tvarr.expression.Ast.Action;
import io.tvarr.expression.Ast.ActionKind;
import io.tvarr.expression.Ast.Condition;
import io.tvarr.expression.Ast.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Recursive-descent parser. Precedence: parentheses, then NOT, then AND, then OR. Every error is an {@link
 * ExpressionException} with the column of the offending token.
 */
final class Parser {
    /** Deeper nesting than any hand-written filter needs; the parser and the evaluator recurse once per level. */
    static final int MAX_NESTING = 64;
    /** The compiled tree is as deep as its longest AND/OR chain, so the chain is bounded too. */
    static final int MAX_CONDITIONS = 1000;

    private final String expression;
    private final FieldRegistry fields;
    private final List<Token> tokens;
    private int pos;
    private int nesting;
    private int conditions;

    Parser(String expression, FieldRegistry fields) {
        this.expression = expression;
        this.fields = fields;
        this.tokens = new Lexer(expression).tokens();
    }

    /** A filter condition; an empty expression matches everything. */
    Condition condition() {
        if (peek().type() == TokenType.END) {
            return new Ast.Constant(true);
        }
        Condition condition = or();
        expectEnd("AND, OR or the end of the expression");
        return condition;
    }

    /** A mapping rule: an optional condition followed by at least one action. */
    Ast.Rule rule() {
        if (peek().type() == TokenType.END) {
            throw error("expected a condition or an action such as SET", peek());
        }
        Condition condition = actionKind(peek()).isPresent() ? null : or();
        List<Action> actions = new ArrayList<>();
        while (peek().type() != TokenType.END) {
            if (!actions.isEmpty() && peek().isSymbol(",")) {
                next();
            }
            actions.addAll(actionGroup(actions.isEmpty() && condition != null));
        }
        if (actions.isEmpty()) {
            throw error("expected an action such as SET field = value after the condition", peek());
        }
        return new Ast.Rule(condition, actions);
    }

    private Condition or() {
        Condition left = and();
        while (peek().isWord("OR") || peek().isSymbol("||")) {
            countCondition(next());
            left = new Ast.Or(left, and());
        }
        return left;
    }

    private Condition and() {
        Condition left = unary();
        while (peek().isWord("AND") || peek().isSymbol("&&")) {
            countCondition(next());
            left = new Ast.And(left, unary());
        }
        return left;
    }

    private Condition unary() {
        if (peek().isWord("NOT") || peek().isSymbol("!")) {
            enter(next());
            Condition negated = new Ast.Not(unary());
            nesting--;
            return negated;
        }
        return primary();
    }

    private void enter(Token token) {
        if (++nesting > MAX_NESTING) {
            throw error("expression nests deeper than " + MAX_NESTING + " levels of parentheses and NOT", token);
        }
    }

    private void countCondition(Token operator) {
        if (++conditions >= MAX_CONDITIONS) {
            throw error(
                    "expression has more than " + MAX_CONDITIONS + " conditions joined by AND/OR; split it into"
                            + " several filters or use one 'matches' with alternatives",
                    operator);
        }
    }

    private Condition primary() {
        Token token = next();
        if (token.isSymbol("(")) {
            enter(token);
            Condition inner = or();
            if (!next().isSymbol(")")) {
                throw error("expected ')' to close the '(' at column " + token.column(), previous());
            }
            nesting--;
            return inner;
        }
        if (token.isWord("true") || token.isWord("false")) {
            return new Ast.Constant(token.isWord("true"));
        }
        if (token.type() != TokenType.WORD) {
            throw error("expected a field name, NOT, '(' or true/false but found " + token.describe(), token);
        }
        Field field = fields.require(token, expression);
        return comparison(field, token);
    }

    private Condition comparison(Field field, Token fieldToken) {
        Token operatorToken = next();
        boolean negate = false;
        if (operatorToken.isWord("not")) {
            negate = true;
            operatorToken = next();
        }
        Optional<Operator> spelled = operatorToken.type() == TokenType.WORD || operatorToken.type() == TokenType.SYMBOL
                ? Operator.spelled(operatorToken.text())
                : Optional.empty();
        if (spelled.isEmpty()) {
            throw error(
                    "expected an operator such as equals, contains or matches after '" + fieldToken.text()
                            + "' but found " + operatorToken.describe(),
                    operatorToken);
        }
        Operator operator = spelled.get();
        if (negate) {
            Token not = operatorToken;
            operator = operator.negated().orElseThrow(() -> error("'not' cannot negate '" + not.text() + "'", not));
        }
        boolean caseSensitive = false;
        if (peek().isWord("case_sensitive")) {
            next();
            caseSensitive = true;
        }
        Value value = value(operatorToken);
        if (operator.numeric() && value instanceof Ast.Text text && !isNumber(text.text())) {
            throw error(
                    "'" + operatorToken.text() + "' compares numbers but \"" + text.text() + "\" is not one",
                    previous());
        }
        if ((operator == Operator.MATCHES || operator == Operator.NOT_MATCHES) && value instanceof Ast.Text text) {
            CompiledRegex.validate(text.text(), previous().column(), expression);
        }
        return new Ast.Comparison(field, operator, caseSensitive, value);
    }

    private Value value(Token after) {
        Token token = next();
        return switch (token.type()) {
            case STRING -> new Ast.Text(token.text());
            case NUMBER -> new Ast.Number(token.text());
            case FIELD_REF -> new Ast.FieldRef(fields.require(token, expression));
            case CAPTURE_REF -> new Ast.Capture(Integer.parseInt(token.text()));
            case WORD -> {
                if (token.isWord("true") || token.isWord("false")) {
                    yield new Ast.Bool(token.isWord("true"));
                }
                throw error(
                        "expected a value after '" + after.text() + "' but found " + token.describe()
                                + " (quote text values)",
                        token);
            }
            default -> throw error("expected a value after '" + after.text() + "'", token);
        };
    }

    private List<Action> actionGroup(boolean shorthandAllowed) {
        Token start = peek();
        Optional<ActionKind> keyword = actionKind(start);
        if (keyword.isPresent()) {
            next();
        } else if (!shorthandAllowed && start.type() != TokenType.WORD) {
            throw error("expected an action such as SET but found " + start.describe(), start);
        }
        List<Action> actions = new ArrayList<>();
        do {
            actions.add(assignment(keyword.orElse(null)));
        } while (peek().isSymbol(",") && next() != null && actionKind(peek()).isEmpty());
        return actions;
    }

    private Action assignment(@Nullable ActionKind keyword) {
        Token fieldToken = next();
        if (fieldToken.type() != TokenType.WORD) {
            throw error("expected a field name but found " + fieldToken.describe(), fieldToken);
        }
        Field field = fields.require(fieldToken, expression);
        if (field.readOnly()) {
            throw error("field '" + field.name() + "' is read-only", fieldToken);
        }
        if (keyword == ActionKind.DELETE) {
            return new Action(ActionKind.DELETE, field, null);
        }
        Token operator = next();
        ActionKind kind = shorthand(operator)
                .orElseThrow(() -> error(
                        "expected '=', '?=', '+=' or '-=' after '" + fieldToken.text() + "' but found "
                                + operator.describe(),
                        operator));
        // "SET a = 1, b += 2": a shorthand other than '=' says what to do even inside a keyword's list.
        ActionKind actual = kind == ActionKind.SET && keyword != null ? keyword : kind;
        return new Action(actual, field, value(operator));
    }

    private static Optional<ActionKind> actionKind(Token token) {
        if (token.type() != TokenType.WORD) {
            return Optional.empty();
        }
        for (ActionKind kind : ActionKind.values()) {
            if (token.isWord(kind.keyword)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    private static Optional<ActionKind> shorthand(Token token) {
        if (token.type() != TokenType.SYMBOL) {
            return Optional.empty();
        }
        for (ActionKind kind : ActionKind.values()) {
            if (token.text().equals(kind.shorthand)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    private void expectEnd(String expected) {
        if (peek().type() != TokenType.END) {
            throw error("expected " + expected + " but found " + peek().describe(), peek());
        }
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token previous() {
        return tokens.get(pos - 1);
    }

    private Token next() {
        Token token = tokens.get(pos);
        if (token.type() != TokenType.END) {
            pos++;
        }
        return token;
    }

    private ExpressionException error(String problem, Token at) {
        return new ExpressionException(problem, at.column(), expression);
    }
}
