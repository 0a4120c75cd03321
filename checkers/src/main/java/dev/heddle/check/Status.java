package dev.heddle.check;

/** What the client learned about an operation's effect. */
public enum Status {
    /** The operation completed and its output was observed. */
    OK,
    /** The operation is known not to have taken effect. */
    FAILED,
    /**
     * The client crashed or timed out: the operation may take effect at any time after its call,
     * or never. Its return position is {@link Operation#NEVER_RETURNED}.
     */
    UNKNOWN
}
