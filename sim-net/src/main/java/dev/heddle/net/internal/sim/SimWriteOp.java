package dev.heddle.net.internal.sim;

import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.WaitQueue;
import dev.heddle.runtime.internal.Waiter;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One write of a simulated stream: it waits while the stream's window is full, and sends only
 * when it commits, so a write aborted or timed out while it waits has sent nothing. Outcomes:
 * the count sent (at least one byte), or why the stream cannot be written.
 */
final class SimWriteOp extends WaitQueue.Node<SimWriteOp> implements SelectableOp<Integer> {
    private final SimStream stream;
    private final byte[] from;
    private final int offset;
    private final int length;
    private int count;
    private IOException failure;

    SimWriteOp(SimStream stream, byte[] from, int offset, int length) {
        this.stream = stream;
        this.from = from;
        this.offset = offset;
        this.length = length;
    }

    /** Commits on the stream, which is writable. */
    void commitLocked() {
        try {
            count = stream.sendSomeLocked(from, offset, length);
        } catch (IOException e) {
            failure = e;
        }
    }

    @Override
    public boolean tryNow() {
        stream.network.lock.lock();
        try {
            if (!stream.writableLocked()) {
                return false;
            }
            commitLocked();
            return true;
        } finally {
            stream.network.unlock();
        }
    }

    @Override
    public void enqueue(Waiter waiter, int branch) {
        stream.network.lock.lock();
        try {
            if (stream.writableLocked()) {
                if (waiter.tryClaim(branch)) {
                    commitLocked();
                }
                return;
            }
            stream.writers.add(this, waiter, branch);
        } finally {
            stream.network.unlock();
        }
    }

    @Override
    public void dequeue() {
        if (waiter() != null) {
            stream.network.lock.lock();
            try {
                stream.writers.remove(this);
                stopWaiting();
            } finally {
                stream.network.unlock();
            }
        }
    }

    @Override
    public Integer result() {
        if (failure != null) {
            throw new UncheckedIOException(failure);
        }
        return count;
    }
}
