package dev.heddle.net.internal.sim;

import dev.heddle.runtime.internal.WaitQueue;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One write of a simulated stream: it waits while the stream's window is full, and sends only
 * when it commits, so a write aborted or timed out while it waits has sent nothing. Outcomes:
 * the count sent (at least one byte), or why the stream cannot be written.
 */
final class SimWriteOp extends NetworkOp<Integer, SimWriteOp> {
    private final SimStream stream;
    private final byte[] from;
    private final int offset;
    private final int length;
    private int count;
    private IOException failure;

    SimWriteOp(SimStream stream, byte[] from, int offset, int length) {
        super(stream.network);
        this.stream = stream;
        this.from = from;
        this.offset = offset;
        this.length = length;
    }

    @Override
    boolean readyLocked() {
        return stream.writableLocked();
    }

    @Override
    void commitLocked() {
        try {
            count = stream.sendSomeLocked(from, offset, length);
        } catch (IOException e) {
            failure = e;
        }
    }

    @Override
    WaitQueue<SimWriteOp> queue() {
        return stream.writers;
    }

    @Override
    public Integer result() {
        if (failure != null) {
            throw new UncheckedIOException(failure);
        }
        return count;
    }
}
