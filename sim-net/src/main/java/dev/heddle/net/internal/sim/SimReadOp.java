package dev.heddle.net.internal.sim;

import dev.heddle.net.internal.ClosedSocketException;
import dev.heddle.runtime.internal.WaitQueue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketException;

/**
 * One read of a simulated stream, or a wait until a read would not wait ({@code into} null):
 * bytes leave the stream only when the op commits, so a read cancelled or beaten in a select
 * takes nothing. Outcomes: a count, -1 at the end, the reset, or closed.
 */
final class SimReadOp extends NetworkOp<Integer, SimReadOp> {
    private final SimStream stream;
    private final byte[] into;
    private final int offset;
    private final int length;
    private int count;
    private boolean closed;
    private IOException failure;

    SimReadOp(SimStream stream, byte[] into, int offset, int length) {
        super(stream.network);
        this.stream = stream;
        this.into = into;
        this.offset = offset;
        this.length = length;
    }

    /** True for a read that takes bytes, false for a wait until readable. */
    boolean consumes() {
        return into != null;
    }

    @Override
    boolean readyLocked() {
        return stream.readyLocked();
    }

    @Override
    void commitLocked() {
        if (stream.isClosedLocked()) {
            closed = true;
        } else if (consumes()) {
            failure = stream.resetLocked();
            if (failure == null) {
                count = stream.takeLocked(into, offset, length);
            }
        }
    }

    @Override
    WaitQueue<SimReadOp> queue() {
        return stream.readers;
    }

    @Override
    public Integer result() {
        if (closed) {
            throw new UncheckedIOException(new ClosedSocketException(stream + " is closed"));
        }
        if (failure != null) {
            throw new UncheckedIOException(new SocketException("cannot read from " + stream + ": "
                    + failure.getMessage()));
        }
        return count;
    }

    @Override
    public boolean isClosedOutcome() {
        return closed;
    }
}
