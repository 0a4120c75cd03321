package dev.heddle.check.io;

import dev.heddle.json.JsonParser;

/**
 * How deep the value parsers let arrays, maps and vectors nest, EDN as JSON. They recurse once per
 * level, so a line of a few thousand brackets would overflow the stack; real histories' values
 * nest a few levels at most (a transaction's list of micro-operations), far below this bound.
 */
final class ValueNesting {
    static final int MAX_DEPTH = JsonParser.MAX_DEPTH;

    private ValueNesting() {
    }

    /** The error for a value opened at {@code column} (1-based) one level deeper than allowed. */
    static LineSyntaxException tooDeep(int column) {
        return new LineSyntaxException("values nested more than " + MAX_DEPTH + " levels deep (level "
                + (MAX_DEPTH + 1) + " opens at column " + column + "); a history's values nest a few levels at most");
    }
}
