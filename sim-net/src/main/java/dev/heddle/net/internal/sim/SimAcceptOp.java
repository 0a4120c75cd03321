package dev.heddle.net.internal.sim;

import dev.heddle.net.internal.ClosedSocketException;
import dev.heddle.net.internal.StreamDriver;
import dev.heddle.runtime.internal.WaitQueue;
import java.io.UncheckedIOException;

/**
 * One accept: takes the next connection from the listener's backlog when it commits, so an
 * accept that never commits leaves it for the next; completes closed on a closed listener. One
 * that does not take ({@code takes} false) waits until an accept would not wait, for a selector.
 */
final class SimAcceptOp extends NetworkOp<StreamDriver, SimAcceptOp> {
    private final SimListener listener;
    private final boolean takes;
    private SimStream stream;
    private boolean closed;

    SimAcceptOp(SimListener listener, boolean takes) {
        super(listener.network);
        this.listener = listener;
        this.takes = takes;
    }

    /** Ready when the listener is closed or has a connection waiting. */
    @Override
    boolean readyLocked() {
        return listener.readyLocked();
    }

    @Override
    void commitLocked() {
        if (listener.isClosedLocked()) {
            closed = true;
        } else if (takes) {
            stream = listener.takeLocked();
        }
    }

    @Override
    WaitQueue<SimAcceptOp> queue() {
        return listener.accepts;
    }

    @Override
    public StreamDriver result() {
        if (closed) {
            throw new UncheckedIOException(new ClosedSocketException(listener + " is closed"));
        }
        return stream;
    }

    @Override
    public boolean isClosedOutcome() {
        return closed;
    }
}
