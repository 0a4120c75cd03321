package dev.heddle.sync;

/**
 * Why {@link OnceCell#set} did not set the value (Tokio's {@code SetError}): the cell already
 * had one, or another caller's initializer was running. The value passed stays with the caller.
 */
public final class OnceCellSetException extends IllegalStateException {
    private final boolean alreadyInitialized;

    OnceCellSetException(boolean alreadyInitialized) {
        super(alreadyInitialized
                ? "the OnceCell already holds a value, so set cannot replace it; read it with get(), or take() it first"
                : "an initializer of this OnceCell is running, so set cannot set the value now; wait with getOrInit"
                        + " or trySet later");
        this.alreadyInitialized = alreadyInitialized;
    }

    /** The cell already held a value (Tokio's {@code is_already_init_err}). */
    public boolean isAlreadyInitialized() {
        return alreadyInitialized;
    }

    /** An initializer was running (Tokio's {@code is_initializing_err}). */
    public boolean isInitializing() {
        return !alreadyInitialized;
    }
}
