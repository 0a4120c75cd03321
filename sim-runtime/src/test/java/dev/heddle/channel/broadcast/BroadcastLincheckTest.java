package dev.heddle.channel.broadcast;

import dev.heddle.channel.SendException;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;

/**
 * Linearizability of a broadcast channel on real platform threads: concurrent senders, and two
 * receivers each used by one thread at a time, with a ring small enough to lag.
 */
@Param(name = "value", gen = IntGen.class, conf = "1:9")
public class BroadcastLincheckTest {
    private final Sender<Integer> sender;
    private final Receiver<Integer> first;
    private final Receiver<Integer> other;

    public BroadcastLincheckTest() {
        Channel<Integer> channel = Broadcast.channel(2);
        sender = channel.sender();
        first = channel.receiver();
        other = sender.subscribe();
    }

    @Operation
    public String send(@Param(name = "value") int value) {
        try {
            return "receivers " + sender.send(value);
        } catch (SendException e) {
            return "refused " + e.value();
        }
    }

    @Operation(nonParallelGroup = "first")
    public String tryRecvFirst() {
        return tryRecv(first);
    }

    @Operation(nonParallelGroup = "other")
    public String tryRecvOther() {
        return tryRecv(other);
    }

    @Operation(nonParallelGroup = "other")
    public void closeOther() {
        other.close();
    }

    private static String tryRecv(Receiver<Integer> rx) {
        try {
            return String.valueOf(rx.tryRecv());
        } catch (LaggedException e) {
            return "lagged " + e.missed();
        }
    }

    @Test
    void stress() {
        new StressOptions().iterations(5).invocationsPerIteration(300).threads(3).actorsPerThread(3)
                .check(BroadcastLincheckTest.class);
    }

    @Test
    void modelChecking() {
        new ModelCheckingOptions().iterations(5).invocationsPerIteration(50).threads(3).actorsPerThread(3)
                .check(BroadcastLincheckTest.class);
    }
}
