package dev.heddle.channel.watch;

import dev.heddle.channel.SendException;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;

/** Linearizability of a watch channel on real platform threads; each receiver is used by one thread at a time. */
@Param(name = "value", gen = IntGen.class, conf = "1:9")
public class WatchLincheckTest {
    private final Sender<Integer> sender;
    private final Receiver<Integer> first;
    private final Receiver<Integer> other;

    public WatchLincheckTest() {
        Channel<Integer> channel = Watch.channel(0);
        sender = channel.sender();
        first = channel.receiver();
        other = sender.subscribe();
    }

    @Operation
    public String send(@Param(name = "value") int value) {
        try {
            sender.send(value);
            return "sent";
        } catch (SendException e) {
            return "refused " + e.value();
        }
    }

    @Operation
    public void sendModify(@Param(name = "value") int value) {
        sender.sendModify(v -> v * 10 + value);
    }

    @Operation(nonParallelGroup = "first")
    public boolean hasChangedFirst() {
        return first.hasChanged();
    }

    @Operation(nonParallelGroup = "first")
    public int borrowAndUpdateFirst() {
        return first.borrowAndUpdate();
    }

    @Operation(nonParallelGroup = "other")
    public int borrowAndUpdateOther() {
        return other.borrowAndUpdate();
    }

    @Operation(nonParallelGroup = "other")
    public void closeOther() {
        other.close();
    }

    @Test
    void stress() {
        new StressOptions().iterations(5).invocationsPerIteration(300).threads(3).actorsPerThread(3)
                .sequentialSpecification(VersionedValue.class).check(WatchLincheckTest.class);
    }

    @Test
    void modelChecking() {
        new ModelCheckingOptions().iterations(5).invocationsPerIteration(50).threads(3).actorsPerThread(3)
                .sequentialSpecification(VersionedValue.class).check(WatchLincheckTest.class);
    }

    /** A value with a version counter, and the version each of the two receivers last marked seen. */
    public static final class VersionedValue {
        private int value;
        private long version;
        private long seenByFirst;
        private int openReceivers = 2;
        private boolean otherClosed;

        public String send(int value) {
            if (openReceivers == 0) {
                return "refused " + value;
            }
            publish(value);
            return "sent";
        }

        public void sendModify(int value) {
            publish(this.value * 10 + value);
        }

        private void publish(int newValue) {
            value = newValue;
            version++;
        }

        public boolean hasChangedFirst() {
            return seenByFirst != version;
        }

        public int borrowAndUpdateFirst() {
            seenByFirst = version;
            return value;
        }

        /** No operation asks the other receiver whether it has changed, so its mark is not kept. */
        public int borrowAndUpdateOther() {
            return value;
        }

        public void closeOther() {
            if (!otherClosed) {
                otherClosed = true;
                openReceivers--;
            }
        }
    }
}
