package dev.heddle.net.internal.sim;

import dev.heddle.net.internal.AddressText;
import dev.heddle.net.internal.StreamDriver;
import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.WaitQueue;
import dev.heddle.runtime.internal.Waiter;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;

/**
 * One connect, waiting a round trip for the answer of the address it called: the connection,
 * or a refusal. A connect given up before the answer (aborted, timed out) closes the connection
 * when it arrives, so it leaves nothing open.
 */
final class SimConnectOp extends WaitQueue.Node<SimConnectOp> implements SelectableOp<StreamDriver> {
    final long id;
    final InetSocketAddress local;
    final InetSocketAddress remote;
    final SimNetwork network;
    /** Waits for the answer that do not take the connection ({@link SimConnectAnsweredOp}). */
    final WaitQueue<SimConnectAnsweredOp> watchers = new WaitQueue<>();
    private SimStream arrived;
    /** Why the connect failed, or null. */
    private String refused;
    private boolean committed;
    private boolean abandoned;

    SimConnectOp(SimNetwork network, long id, InetSocketAddress local, InetSocketAddress remote) {
        this.network = network;
        this.id = id;
        this.local = local;
        this.remote = remote;
    }

    /** The answer: the connection is established. A connect given up meanwhile closes it. */
    void establishedLocked(SimStream stream) {
        arrived = stream;
        answeredLocked();
        if (abandoned) {
            stream.close();
        }
    }

    /** The answer: no one listens at {@link #remote}. */
    void refusedLocked() {
        refused = "connection refused, no simulated listener on the port";
        answeredLocked();
    }

    /** The request or its answer was lost for good ({@code why}): the connect fails. */
    void lostLocked(String why) {
        refused = "connection attempt lost: " + why;
        answeredLocked();
    }

    private void answeredLocked() {
        if (!abandoned && tryClaim()) {
            committed = true;
            network.wakeLater(waiter());
        }
        NetworkOp.serveLocked(watchers);
    }

    /** True once the answer is here: the connection, or why there is none. */
    boolean answeredYetLocked() {
        return arrived != null || refused != null;
    }

    @Override
    public boolean tryNow() {
        network.lock.lock();
        try {
            committed = arrived != null || refused != null;
            return committed;
        } finally {
            network.unlock();
        }
    }

    @Override
    public void enqueue(Waiter waiter, int branch) {
        network.lock.lock();
        try {
            if (arrived != null || refused != null) {
                committed = waiter.tryClaim(branch);
                return;
            }
            waitWith(waiter, branch);
        } finally {
            network.unlock();
        }
    }

    @Override
    public void dequeue() {
        SimStream orphan = null;
        network.lock.lock();
        try {
            if (!committed) {
                abandoned = true;
                orphan = arrived;
            }
            stopWaiting();
        } finally {
            network.unlock();
        }
        if (orphan != null) {
            orphan.close();
        }
    }

    @Override
    public StreamDriver result() {
        if (refused != null) {
            throw new UncheckedIOException(new ConnectException("cannot connect to " + AddressText.of(remote)
                    + ": " + refused));
        }
        return arrived;
    }
}
