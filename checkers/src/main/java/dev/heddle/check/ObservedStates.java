package dev.heddle.check;

/**
 * What the operations not yet linearized can still observe, so that the search may forget the
 * rest of a state. A model returns one per part ({@link Model#observedStates}); the search tells
 * it which operations it linearizes and takes back, and replaces every state it reaches by
 * {@link #collapse}.
 *
 * <p>Why: between two observations, the orders of the writes that the next reset overwrites all
 * lead to distinct states, and the search explores each until a read's deadline refutes it. A
 * key-value store's append history with repeated values and 19 operations at once had millions
 * of such states. When no operation left can tell two states apart, they are one.
 *
 * @param <S> the model's state type
 */
public interface ObservedStates<S> {

    /** The part's operation at index {@code op} is now linearized: it observes nothing more. */
    void linearized(int op);

    /** The search took back the linearization of the part's operation at index {@code op}. */
    void unlinearized(int op);

    /**
     * {@code state}, or a state every operation left treats the same way: same legality, same
     * successors up to this collapse. Sound only if so for every operation not yet linearized,
     * whatever order they come in.
     */
    S collapse(S state);
}
