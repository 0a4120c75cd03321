package dev.heddle.net.internal.sim;

import dev.heddle.runtime.internal.WaitQueue;

/**
 * Waiting until a connect has its answer, without taking the connection (a selector's
 * {@code OP_CONNECT}): the connect op itself stays with its owner, whose {@code finishConnect}
 * takes the outcome, and a selector that stops waiting abandons nothing.
 */
final class SimConnectAnsweredOp extends NetworkOp<Void, SimConnectAnsweredOp> {
    private final SimConnectOp connect;

    SimConnectAnsweredOp(SimConnectOp connect) {
        super(connect.network);
        this.connect = connect;
    }

    @Override
    boolean readyLocked() {
        return connect.answeredYetLocked();
    }

    @Override
    void commitLocked() {
        // Nothing to take: the owner of the connect takes its outcome.
    }

    @Override
    WaitQueue<SimConnectAnsweredOp> queue() {
        return connect.watchers;
    }

    @Override
    public Void result() {
        return null;
    }
}
