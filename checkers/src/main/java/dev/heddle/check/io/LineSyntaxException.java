package dev.heddle.check.io;

/** A problem within one line; the reader adds the file and line number. */
final class LineSyntaxException extends Exception {
    LineSyntaxException(String problem) {
        super(problem, null, false, false);
    }
}
