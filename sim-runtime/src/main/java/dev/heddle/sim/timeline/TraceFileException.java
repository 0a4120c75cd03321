package dev.heddle.sim.timeline;

/**
 * A file that cannot be drawn as a trace: missing, unreadable, not a trace, of another format
 * version, or with a line that is not what the format says. Its message is one line that names
 * the file (and the line) and says what would do.
 */
public final class TraceFileException extends Exception {
    public TraceFileException(String message) {
        super(message);
    }
}
