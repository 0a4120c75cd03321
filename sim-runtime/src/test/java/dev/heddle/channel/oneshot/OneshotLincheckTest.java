package dev.heddle.channel.oneshot;

import dev.heddle.channel.ChannelClosedException;
import dev.heddle.channel.SendException;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;

/** Linearizability of a oneshot channel's non-waiting operations on real platform threads. */
@Param(name = "value", gen = IntGen.class, conf = "1:5")
public class OneshotLincheckTest {
    private final Sender<Integer> sender;
    private final Receiver<Integer> receiver;

    public OneshotLincheckTest() {
        Channel<Integer> channel = Oneshot.channel();
        sender = channel.sender();
        receiver = channel.receiver();
    }

    @Operation
    public String send(@Param(name = "value") int value) {
        try {
            sender.send(value);
            return "sent";
        } catch (SendException e) {
            return "refused " + e.reason() + " " + e.value();
        }
    }

    @Operation
    public void closeSender() {
        sender.close();
    }

    @Operation
    public void closeReceiver() {
        receiver.close();
    }

    @Operation
    public String tryRecv() {
        try {
            return String.valueOf(receiver.tryRecv());
        } catch (ChannelClosedException e) {
            return "closed";
        }
    }

    @Operation
    public boolean senderSeesClosed() {
        return sender.isClosed();
    }

    @Operation
    public boolean receiverSeesClosed() {
        return receiver.isClosed();
    }

    @Test
    void stress() {
        new StressOptions().iterations(5).invocationsPerIteration(300).threads(3).actorsPerThread(2)
                .sequentialSpecification(OneValueSlot.class).check(OneshotLincheckTest.class);
    }

    @Test
    void modelChecking() {
        new ModelCheckingOptions().iterations(5).invocationsPerIteration(50).threads(3).actorsPerThread(2)
                .sequentialSpecification(OneValueSlot.class).check(OneshotLincheckTest.class);
    }

    /** A slot for one value: filled by the first accepted send, emptied by the one receive, refused once either end closed. */
    public static final class OneValueSlot {
        private Integer value;
        private boolean sent;
        /** The sender sent, tried to, or closed, or the receiver closed: no value comes after this. */
        private boolean senderDone;
        private boolean senderClosed;
        private boolean receiverClosed;
        private boolean received;

        public String send(int value) {
            if (sent) {
                return "refused ALREADY_SENT " + value;
            }
            if (senderClosed) {
                return "refused SENDER_CLOSED " + value;
            }
            senderDone = true;
            if (receiverClosed) {
                return "refused CLOSED " + value;
            }
            sent = true;
            this.value = value;
            return "sent";
        }

        public void closeSender() {
            senderClosed = true;
            senderDone = true;
        }

        /** Closing before a value came ends the channel: nothing can be sent after it. */
        public void closeReceiver() {
            receiverClosed = true;
            senderDone = true;
        }

        /** A value, "null" while one can still come, or "closed" when none will (taken already, or never sent). */
        public String tryRecv() {
            if (received) {
                return "closed";
            }
            if (value != null) {
                received = true;
                return String.valueOf(value);
            }
            return senderDone ? "closed" : "null";
        }

        public boolean senderSeesClosed() {
            return receiverClosed;
        }

        public boolean receiverSeesClosed() {
            return senderDone && (value == null || received);
        }
    }
}
