package dev.heddle.channel.broadcast;

import dev.heddle.channel.ChannelClosedException;
import dev.heddle.channel.SendException;
import java.util.ArrayList;
import java.util.List;
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
        } catch (ChannelClosedException e) {
            return "closed";
        }
    }

    @Test
    void stress() {
        new StressOptions().iterations(5).invocationsPerIteration(300).threads(3).actorsPerThread(3)
                .sequentialSpecification(LaggingRing.class).check(BroadcastLincheckTest.class);
    }

    @Test
    void modelChecking() {
        new ModelCheckingOptions().iterations(5).invocationsPerIteration(50).threads(3).actorsPerThread(3)
                .sequentialSpecification(LaggingRing.class).check(BroadcastLincheckTest.class);
    }

    /**
     * Every value sent, of which the last two are held; each receiver's position, moved to the
     * oldest held on a lag. A closed receiver receives nothing more: it is at its end.
     */
    public static final class LaggingRing {
        private static final int CAPACITY = 2;
        private final List<Integer> sent = new ArrayList<>();
        private final long[] next = new long[2];
        private int subscribed = 2;
        private boolean otherClosed;

        public String send(int value) {
            if (subscribed == 0) {
                return "refused " + value;
            }
            sent.add(value);
            return "receivers " + subscribed;
        }

        public String tryRecvFirst() {
            return tryRecv(0);
        }

        public String tryRecvOther() {
            return tryRecv(1);
        }

        public void closeOther() {
            if (!otherClosed) {
                otherClosed = true;
                subscribed--;
            }
        }

        private String tryRecv(int receiver) {
            if (receiver == 1 && otherClosed) {
                return "closed";
            }
            long oldestHeld = Math.max(0, sent.size() - CAPACITY);
            if (next[receiver] < oldestHeld) {
                long missed = oldestHeld - next[receiver];
                next[receiver] = oldestHeld;
                return "lagged " + missed;
            }
            if (next[receiver] == sent.size()) {
                return "null";
            }
            return String.valueOf(sent.get((int) next[receiver]++));
        }
    }
}
