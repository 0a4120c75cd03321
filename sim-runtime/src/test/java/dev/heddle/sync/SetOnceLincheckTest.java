package dev.heddle.sync;

import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;

/**
 * Threads race to set a {@link SetOnce} and read it, including through a wait that must
 * complete at once ({@code awaitOp().tryNow()}); checked against "the first set wins, and
 * every read after it sees that value".
 */
public class SetOnceLincheckTest {
    private final SetOnce<Integer> once = new SetOnce<>();

    /** True if this call set the value (1). */
    @Operation
    public boolean setOne() {
        return set(1);
    }

    /** True if this call set the value (2). */
    @Operation
    public boolean setTwo() {
        return set(2);
    }

    private boolean set(int v) {
        try {
            once.set(v);
            return true;
        } catch (IllegalStateException alreadySet) {
            return false;
        }
    }

    /** The value, or -1 while it is not set. */
    @Operation
    public int get() {
        return once.get().orElse(-1);
    }

    /** The value a wait gets at once, or -1 if it would wait. */
    @Operation
    public int awaitNow() {
        var op = once.awaitOp();
        return op.tryNow() ? op.result() : -1;
    }

    @Test
    void stress() {
        new StressOptions().threads(2).actorsPerThread(3).iterations(6).invocationsPerIteration(100)
                .sequentialSpecification(FirstSetWins.class)
                .check(SetOnceLincheckTest.class);
    }

    @Test
    void modelChecking() {
        new ModelCheckingOptions().threads(2).actorsPerThread(3).iterations(6).invocationsPerIteration(30)
                .sequentialSpecification(FirstSetWins.class).check(SetOnceLincheckTest.class);
    }

    /** The sequential model: one value, set by the first set. */
    public static final class FirstSetWins {
        private int value = -1;

        public boolean setOne() {
            return set(1);
        }

        public boolean setTwo() {
            return set(2);
        }

        private boolean set(int v) {
            if (value != -1) {
                return false;
            }
            value = v;
            return true;
        }

        public int get() {
            return value;
        }

        public int awaitNow() {
            return value;
        }
    }
}
