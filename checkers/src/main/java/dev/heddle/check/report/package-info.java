/**
 * A check result as one self-contained HTML file, for a person to read a counterexample.
 *
 * <p>Depends on the results of {@code dev.heddle.check} and on {@code check.io} for JSON values;
 * nothing in checkers depends on it but the command line.
 */
package dev.heddle.check.report;
