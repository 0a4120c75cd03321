package dev.heddle.check.io;

/** A history file that cannot be read: which file, which line, and what was expected there. */
public final class HistoryFormatException extends Exception {
    private final String source;
    private final int line;

    public HistoryFormatException(String source, int line, String problem) {
        super(source + ":" + line + ": " + problem);
        this.source = source;
        this.line = line;
    }

    /** The file (or other source) as it was named. */
    public String source() {
        return source;
    }

    /** The 1-based line number; 0 when the problem is not on one line. */
    public int line() {
        return line;
    }
}
