package dev.heddle.junit.fuzz;

/** A mistake in the fuzz runner's arguments: printed as one line, and the run exits with 2 before any fork starts. */
final class UsageError extends Exception {
    UsageError(String message) {
        super(message);
    }
}
