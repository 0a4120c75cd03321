/**
 * History files: Heddle's JSON lines, Jepsen's EDN maps and Jepsen log lines, read into a
 * {@link dev.heddle.check.History} and written back. {@link dev.heddle.check.io.HistoryFiles} is
 * the entry point; readers and writers of each format are package-private.
 *
 * <p>Depends only on the history vocabulary of {@code dev.heddle.check}, not on the checker or
 * the models, so that histories can be converted and stored without checking them. A malformed
 * line fails with {@link dev.heddle.check.io.HistoryFormatException}, naming the file and line.
 */
package dev.heddle.check.io;
