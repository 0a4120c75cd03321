package dev.heddle.channel.mpsc;

import dev.heddle.channel.ChannelClosedException;
import dev.heddle.channel.SendException;
import java.util.ArrayDeque;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;

/**
 * Linearizability of a bounded mpsc channel's non-waiting operations on real platform threads:
 * concurrent producers, one consumer (receives never run in parallel with each other), a
 * sender handle closed while others send (its sends then hand their values back), and the
 * receiver's view of the end of the channel.
 */
@Param(name = "value", gen = IntGen.class, conf = "1:9")
public class MpscLincheckTest {
    private final Sender<Integer> sender;
    private final Sender<Integer> second;
    private final Receiver<Integer> receiver;

    public MpscLincheckTest() {
        Channel<Integer> channel = Mpsc.bounded(2);
        sender = channel.sender();
        second = sender.clone();
        receiver = channel.receiver();
    }

    @Operation
    public String trySend(@Param(name = "value") int value) {
        try {
            sender.trySend(value);
            return "sent";
        } catch (SendException e) {
            return e.reason() + " " + e.value();
        }
    }

    @Operation(nonParallelGroup = "clone")
    public String trySendFromAClone(@Param(name = "value") int value) {
        try {
            second.trySend(value);
            return "sent";
        } catch (SendException e) {
            return e.reason() + " " + e.value();
        }
    }

    @Operation(nonParallelGroup = "consumer")
    public String tryRecv() {
        try {
            return String.valueOf(receiver.tryRecv());
        } catch (ChannelClosedException e) {
            return "closed";
        }
    }

    @Operation(nonParallelGroup = "consumer")
    public void closeReceiver() {
        receiver.close();
    }

    /** Closing one of two handles: the channel stays open for the other. */
    @Operation(nonParallelGroup = "clone")
    public void closeTheClone() {
        second.close();
    }

    @Operation
    public boolean receiverSeesClosed() {
        return receiver.isClosed();
    }

    @Operation
    public int freeSlots() {
        return sender.capacity();
    }

    @Test
    void stress() {
        new StressOptions().iterations(5).invocationsPerIteration(300).threads(3).actorsPerThread(3)
                .sequentialSpecification(BoundedFifo.class).check(MpscLincheckTest.class);
    }

    @Test
    void modelChecking() {
        new ModelCheckingOptions().iterations(5).invocationsPerIteration(50).threads(3).actorsPerThread(3)
                .sequentialSpecification(BoundedFifo.class).check(MpscLincheckTest.class);
    }

    /** A FIFO queue of two slots with two sending handles and a receiver, each closable: the mpsc channel's meaning. */
    public static final class BoundedFifo {
        private static final int CAPACITY = 2;
        private final ArrayDeque<Integer> queued = new ArrayDeque<>();
        private boolean cloneClosed;
        private boolean receiverClosed;

        public String trySend(int value) {
            if (receiverClosed) {
                return "CLOSED " + value;
            }
            if (queued.size() == CAPACITY) {
                return "FULL " + value;
            }
            queued.addLast(value);
            return "sent";
        }

        public String trySendFromAClone(int value) {
            return cloneClosed ? "SENDER_CLOSED " + value : trySend(value);
        }

        /** The oldest value, "null" when none is queued, "closed" when none is and the receiver closed. */
        public String tryRecv() {
            Integer v = queued.pollFirst();
            return v == null && receiverClosed ? "closed" : String.valueOf(v);
        }

        public void closeReceiver() {
            receiverClosed = true;
        }

        public void closeTheClone() {
            cloneClosed = true;
        }

        /** The first handle is never closed, so only the receiver's close ends the sending. */
        public boolean receiverSeesClosed() {
            return receiverClosed;
        }

        public int freeSlots() {
            return CAPACITY - queued.size();
        }
    }
}
