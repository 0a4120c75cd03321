package dev.heddle.check;

/** The answer of a linearizability check. */
public enum Verdict {
    /** Some order of the operations, consistent with real time, is legal for the model. */
    LINEARIZABLE,
    /** No such order exists: the history could not have happened on a single correct copy. */
    NOT_LINEARIZABLE,
    /** The time budget ran out before an answer. */
    UNKNOWN
}
