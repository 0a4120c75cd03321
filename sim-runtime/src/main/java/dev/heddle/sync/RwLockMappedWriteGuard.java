package dev.heddle.sync;

import java.util.function.Consumer;

/**
 * Exclusive write access to one part of an {@link RwLock}'s value (Tokio's
 * {@code RwLockMappedWriteGuard}, made by {@link RwLockWriteGuard#map}): hand it to code that
 * may change that part and nothing else while the lock is held. Closing it lets the next in
 * line in. As with {@link MappedMutexGuard}, a part that is a mutable object is changed in
 * place through {@link #get()}; a part that is a value is replaced through {@link #set}, which
 * needs the setter given to {@code map}.
 */
public final class RwLockMappedWriteGuard<U> implements AutoCloseable {
    private final SemaphorePermit permit;
    /** Writes a new part into the guarded value; null for a guard mapped without a setter. */
    private final Consumer<U> writeBack;
    private U part;
    private boolean closed;

    RwLockMappedWriteGuard(SemaphorePermit permit, U part, Consumer<U> writeBack) {
        this.permit = permit;
        this.part = part;
        this.writeBack = writeBack;
    }

    /** The part of the guarded value this guard maps to. */
    public U get() {
        checkOpen();
        return part;
    }

    /**
     * Replaces the part in the guarded value, through the setter given to {@code map}.
     *
     * @throws UnsupportedOperationException if this guard was mapped without a setter
     */
    public void set(U value) {
        checkOpen();
        if (writeBack == null) {
            throw new UnsupportedOperationException("this RwLockMappedWriteGuard was mapped without a setter, so its"
                    + " part can only be read or changed in place; map with map(getter, setter) to replace it");
        }
        writeBack.accept(value);
        part = value;
    }

    /** Gives up write access. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            permit.close();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this mapped write guard was closed; take the write lock again to reach"
                    + " the value");
        }
    }

    @Override
    public String toString() {
        return closed ? "RwLockMappedWriteGuard[closed]" : String.valueOf(part);
    }
}
