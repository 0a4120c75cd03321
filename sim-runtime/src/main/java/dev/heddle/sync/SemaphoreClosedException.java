package dev.heddle.sync;

/** An acquisition from a {@link Semaphore} that was closed before it could be served. */
public final class SemaphoreClosedException extends IllegalStateException {
    SemaphoreClosedException(int requested) {
        super("the semaphore is closed, so the acquisition of " + requested + " permit(s) cannot succeed;"
                + " closing a semaphore fails every current and later acquirer");
    }
}
