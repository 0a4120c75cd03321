/**
 * Fast paths for the checker: polynomial-time deciders for classes of histories where theory
 * allows one (every value written once), and linear refutations of observations no order can
 * explain. They are optimisations; the Wing–Gong search decides everything they decline.
 *
 * <p>Each implements {@link dev.heddle.check.PolynomialDecider}, is offered by a model of
 * {@code check.model} and run by {@link dev.heddle.check.LinearizabilityChecker}. Classes here
 * depend only on the history vocabulary of {@code dev.heddle.check}, never on a model: what
 * they need of the specification is passed in. A decider's "linearizable" always comes with a
 * witness it verified, and a refutation only ever refutes, so that a mistake here makes a fast
 * path decline rather than the checker lie.
 */
package dev.heddle.check.fast;
