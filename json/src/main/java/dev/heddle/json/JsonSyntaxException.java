package dev.heddle.json;

/**
 * A text that {@link JsonParser} does not accept: what was wrong ({@link #problem()}) and where
 * ({@link #line()}, {@link #column()}). Callers that read one value a line name the file and line
 * themselves and print the column; the two limits ({@link Kind}) let a caller word them for its
 * own format.
 */
public final class JsonSyntaxException extends Exception {
    /** Which rule the text broke. */
    public enum Kind {
        /** Not JSON. */
        MALFORMED,
        /** JSON, but arrays and objects nested deeper than {@link JsonParser#MAX_DEPTH}. */
        NESTED_TOO_DEEP,
        /** JSON, but an integer beyond a {@code long}; {@link #token()} holds its digits. */
        INTEGER_TOO_LARGE
    }

    private final Kind kind;
    private final String problem;
    private final String token;
    private final int line;
    private final int column;

    JsonSyntaxException(Kind kind, String problem, String token, int line, int column) {
        super(problem + (line > 1 ? " at line " + line + ", column " : " at column ") + column, null, false, false);
        this.kind = kind;
        this.problem = problem;
        this.token = token;
        this.line = line;
        this.column = column;
    }

    public Kind kind() {
        return kind;
    }

    /** What was wrong, without the position: "expected ',' or '}'", "a string is not closed". */
    public String problem() {
        return problem;
    }

    /** The text at fault: an {@link Kind#INTEGER_TOO_LARGE} integer's digits; empty for the other kinds. */
    public String token() {
        return token;
    }

    /** The 1-based line of the text where the problem is; 1 for a text of one line. */
    public int line() {
        return line;
    }

    /** The 1-based column within {@link #line()}. */
    public int column() {
        return column;
    }
}
