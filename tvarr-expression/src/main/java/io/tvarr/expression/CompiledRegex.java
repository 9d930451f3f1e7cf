package io.tvarr.expression;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A precompiled regex guarded against catastrophic backtracking: inputs longer than {@link #MAX_INPUT} are
 * refused, and a match that reads more than {@link #STEP_BUDGET} characters is abandoned. Both are reported as
 * evaluation errors, never as a hang.
 */
final class CompiledRegex {
    static final int MAX_INPUT = 4096;
    static final long STEP_BUDGET = 200_000;

    private final Pattern pattern;

    CompiledRegex(String regex, boolean caseSensitive) {
        int flags = caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        this.pattern = Pattern.compile(regex, flags);
    }

    static void validate(String regex, int column, String expression) {
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new ExpressionException(
                    "invalid regex: " + e.getDescription() + " near index " + e.getIndex(), column, expression);
        }
    }

    /** Finds the pattern in the input; a matched result keeps its groups in {@code captures}. */
    boolean find(String input, EvaluationContext context, boolean keepCaptures) {
        if (input.length() > MAX_INPUT) {
            context.error("regex '" + pattern.pattern() + "' skipped: value longer than " + MAX_INPUT + " characters");
            return false;
        }
        Matcher matcher = pattern.matcher(new BudgetedText(input));
        try {
            if (!matcher.find()) {
                return false;
            }
        } catch (BudgetExceeded e) {
            context.error("regex '" + pattern.pattern() + "' gave up after " + STEP_BUDGET
                    + " steps (catastrophic backtracking?)");
            return false;
        }
        if (keepCaptures) {
            context.captures().record(matcher);
        }
        return true;
    }

    String pattern() {
        return pattern.pattern();
    }

    /** Thrown inside the regex engine when the step budget runs out. */
    private static final class BudgetExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetExceeded() {
            super(null, null, false, false);
        }
    }

    /** A CharSequence that counts reads; the regex engine reads through it on every backtracking step. */
    private static final class BudgetedText implements CharSequence {
        private final String text;
        private long steps;

        BudgetedText(String text) {
            this.text = text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            if (++steps > STEP_BUDGET) {
                throw new BudgetExceeded();
            }
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
