package dev.heddle.sync;

import java.util.Optional;
import java.util.function.Supplier;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;

/**
 * Two holders, A and B, each take an {@link RwLock} for reading or writing with a try and keep
 * it across operations: a try-read must fail exactly while the other holds the write lock, a
 * try-write exactly while the other holds it at all. Only tries are used, so nothing waits, and
 * each operation takes or releases the lock at most once (see {@link MutexLincheckTest}).
 */
public class RwLockHoldersLincheckTest {
    private static final int A = 0;
    private static final int B = 1;
    private final RwLock<String> lock = new RwLock<>("held");
    /** How each holder lets go of what it holds; null while it holds nothing. */
    private final Runnable[] release = new Runnable[2];

    @Operation(nonParallelGroup = "a")
    public String tryReadA() {
        return tryTake(A, () -> lock.tryRead().map(g -> g::close));
    }

    @Operation(nonParallelGroup = "a")
    public String tryWriteA() {
        return tryTake(A, () -> lock.tryWrite().map(g -> g::close));
    }

    @Operation(nonParallelGroup = "a")
    public boolean releaseA() {
        return release(A);
    }

    @Operation(nonParallelGroup = "b")
    public String tryReadB() {
        return tryTake(B, () -> lock.tryRead().map(g -> g::close));
    }

    @Operation(nonParallelGroup = "b")
    public String tryWriteB() {
        return tryTake(B, () -> lock.tryWrite().map(g -> g::close));
    }

    @Operation(nonParallelGroup = "b")
    public boolean releaseB() {
        return release(B);
    }

    private String tryTake(int holder, Supplier<Optional<Runnable>> tryLock) {
        if (release[holder] != null) {
            return "already held";
        }
        release[holder] = tryLock.get().orElse(null);
        return release[holder] != null ? "acquired" : "busy";
    }

    private boolean release(int holder) {
        if (release[holder] == null) {
            return false;
        }
        release[holder].run();
        release[holder] = null;
        return true;
    }

    @Test
    void stress() {
        new StressOptions().threads(2).actorsPerThread(3).iterations(5).invocationsPerIteration(200)
                .sequentialSpecification(Holders.class).check(RwLockHoldersLincheckTest.class);
    }

    @Test
    void modelChecking() {
        new ModelCheckingOptions().threads(2).actorsPerThread(3).iterations(4).invocationsPerIteration(40)
                .sequentialSpecification(Holders.class).check(RwLockHoldersLincheckTest.class);
    }

    /** What A and B each hold, "read", "write" or nothing (null): readers share, a writer excludes the other. */
    public static final class Holders {
        private final String[] held = new String[2];

        public String tryReadA() {
            return take(A, "read");
        }

        public String tryWriteA() {
            return take(A, "write");
        }

        public boolean releaseA() {
            return release(A);
        }

        public String tryReadB() {
            return take(B, "read");
        }

        public String tryWriteB() {
            return take(B, "write");
        }

        public boolean releaseB() {
            return release(B);
        }

        private String take(int holder, String mode) {
            if (held[holder] != null) {
                return "already held";
            }
            String other = held[1 - holder];
            if (other != null && (mode.equals("write") || other.equals("write"))) {
                return "busy";
            }
            held[holder] = mode;
            return "acquired";
        }

        private boolean release(int holder) {
            boolean wasHeld = held[holder] != null;
            held[holder] = null;
            return wasHeld;
        }
    }
}
