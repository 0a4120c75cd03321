package dev.heddle.net.internal.channel;

import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.Selector;
import java.nio.channels.spi.AbstractSelectionKey;

/** The registration of a simulated channel with a {@link SimulatedSelector}: its interest and ready sets. */
final class SimulatedSelectionKey extends AbstractSelectionKey {
    private final SimulatedSelector selector;
    private final SelectableChannel channel;
    private volatile int interest;
    private volatile int ready;

    SimulatedSelectionKey(SimulatedSelector selector, SelectableChannel channel) {
        this.selector = selector;
        this.channel = channel;
    }

    /** The channel as the selector asks it about readiness. */
    SimulatedChannel simulated() {
        return (SimulatedChannel) channel;
    }

    @Override
    public SelectableChannel channel() {
        return channel;
    }

    @Override
    public Selector selector() {
        return selector;
    }

    @Override
    public int interestOps() {
        checkValid();
        return interest;
    }

    @Override
    public SimulatedSelectionKey interestOps(int ops) {
        checkValid();
        if ((ops & ~channel.validOps()) != 0) {
            throw new IllegalArgumentException("interest set " + ops + " has operations " + channel + " does not"
                    + " support (valid: " + channel.validOps() + ")");
        }
        interest = ops;
        return this;
    }

    @Override
    public int readyOps() {
        checkValid();
        return ready;
    }

    void setReady(int ops) {
        ready = ops;
    }

    private void checkValid() {
        if (!isValid()) {
            throw new CancelledKeyException();
        }
    }
}
