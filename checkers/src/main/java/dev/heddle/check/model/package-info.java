/**
 * The built-in sequential specifications ({@link dev.heddle.check.Model}s): what a single
 * correct copy of each object would do, the question the checker asks of a history. {@link dev.heddle.check.model.Models} names the built-in ones
 * for the command line.
 *
 * <p>A model depends only on the history vocabulary of {@code dev.heddle.check} and on the
 * fast paths it offers. The model is the authority on soundness: a decider or refutation from
 * {@code check.fast} is used only where a model offers it, and the model hands it what it needs
 * to know of the specification (how a value reads, whether an order replays), which is why
 * {@code check.fast} does not depend on this package.
 */
package dev.heddle.check.model;
