/**
 * The {@code ./heddle lin} command: checks history files (or directories of them, in parallel in
 * one JVM) against a built-in model and prints a verdict per file, with an optional explanation
 * and HTML report, and progress on stderr while a check without a time budget runs long.
 *
 * <p>The top of the module: it uses every other package (the checker, {@code check.model},
 * {@code check.io}, {@code check.report}) and nothing depends on it.
 */
package dev.heddle.check.cli;
