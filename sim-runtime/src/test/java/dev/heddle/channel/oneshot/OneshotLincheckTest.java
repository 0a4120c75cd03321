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
            return "closed without value";
        } catch (IllegalStateException e) {
            return "already received";
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
                .check(OneshotLincheckTest.class);
    }

    @Test
    void modelChecking() {
        new ModelCheckingOptions().iterations(5).invocationsPerIteration(50).threads(3).actorsPerThread(2)
                .check(OneshotLincheckTest.class);
    }
}
