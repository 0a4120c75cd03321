/**
 * Histories and the linearizability checker: the vocabulary every other package of checkers
 * speaks ({@link dev.heddle.check.Operation}, {@link dev.heddle.check.History},
 * {@link dev.heddle.check.HistoryRecorder}), and {@link dev.heddle.check.LinearizabilityChecker}
 * with its results and its Wing–Gong search.
 *
 * <p>The checker runs a {@link dev.heddle.check.model.Model} and, through the
 * {@link dev.heddle.check.PolynomialDecider} contract defined here, whatever fast paths the model
 * offers; it never names an implementation in {@code check.fast}, so the fast paths can change
 * without touching the search. The vocabulary and the checker share one package because users
 * import both; as a result this package and {@code check.model} depend on each other, the only
 * package cycle in checkers.
 */
package dev.heddle.check;
