package dev.heddle.net.internal.channel;

import dev.heddle.runtime.SelectableOp;
import java.nio.channels.SelectionKey;
import java.util.ArrayList;
import java.util.List;

/** What a {@link SimulatedSelector} asks of the simulated channels registered with it. */
interface SimulatedChannel {
    /** The selection operations, in the order a selector asks about them. */
    int[] OPERATIONS = {SelectionKey.OP_ACCEPT, SelectionKey.OP_CONNECT, SelectionKey.OP_READ, SelectionKey.OP_WRITE};

    /**
     * An op that completes once {@code operation} (one {@code SelectionKey.OP_*}) would not wait,
     * taking nothing; null when it cannot become ready in the channel's state (reading an
     * unconnected channel).
     */
    SelectableOp<?> readinessOp(int operation);

    /** The operations of {@code interest} that would not wait now; asks without taking anything. */
    default int readyOps(int interest) {
        int ready = 0;
        for (int operation : OPERATIONS) {
            if ((interest & operation) != 0) {
                SelectableOp<?> op = readinessOp(operation);
                if (op != null && op.tryNow()) {
                    ready |= operation;
                }
            }
        }
        return ready;
    }

    /** Ops that complete once one of the operations of {@code interest} would not wait, taking nothing. */
    default List<SelectableOp<?>> readinessOps(int interest) {
        List<SelectableOp<?>> ops = new ArrayList<>();
        for (int operation : OPERATIONS) {
            if ((interest & operation) != 0) {
                SelectableOp<?> op = readinessOp(operation);
                if (op != null) {
                    ops.add(op);
                }
            }
        }
        return ops;
    }
}
