/**
 * Histories and the linearizability checker: the vocabulary every other package of checkers
 * speaks ({@link dev.heddle.check.Operation}, {@link dev.heddle.check.History},
 * {@link dev.heddle.check.HistoryRecorder}), and {@link dev.heddle.check.LinearizabilityChecker}
 * with its results and its Wing–Gong search.
 *
 * <p>The checker runs a {@link dev.heddle.check.Model}, the contract every sequential
 * specification meets, and, through the {@link dev.heddle.check.PolynomialDecider} contract
 * defined here, whatever fast paths the model offers; it never names a model of
 * {@code check.model} or an implementation in {@code check.fast}, so both can change without
 * touching the search. This package depends on no other package of checkers.
 */
package dev.heddle.check;
