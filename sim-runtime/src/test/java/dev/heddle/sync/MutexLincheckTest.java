package dev.heddle.sync;

import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;

/**
 * A counter kept with plain reads and writes under the mutex must behave like an atomic one;
 * and {@code tryLock} must fail exactly while the other holder keeps the lock across
 * operations. Every operation here takes or releases the lock at most once, so each is atomic
 * in any correct mutex (an operation that took and released it inside itself would let others
 * see an instant no sequential order of whole operations explains).
 */
public class MutexLincheckTest {
    private final Mutex<int[]> counter = new Mutex<>(new int[1]);
    private final Mutex<String> held = new Mutex<>("held");
    private MutexGuard<String> heldByA;
    private MutexGuard<String> heldByB;

    @Operation
    public int increment() {
        try (MutexGuard<int[]> g = counter.lock()) {
            int next = g.get()[0] + 1;
            g.get()[0] = next;
            return next;
        }
    }

    @Operation
    public int get() {
        try (MutexGuard<int[]> g = counter.lock()) {
            return g.get()[0];
        }
    }

    @Operation(nonParallelGroup = "a")
    public String tryLockA() {
        if (heldByA != null) {
            return "already held";
        }
        heldByA = held.tryLock().orElse(null);
        return heldByA != null ? "acquired" : "busy";
    }

    @Operation(nonParallelGroup = "a")
    public boolean releaseA() {
        if (heldByA == null) {
            return false;
        }
        heldByA.close();
        heldByA = null;
        return true;
    }

    @Operation(nonParallelGroup = "b")
    public String tryLockB() {
        if (heldByB != null) {
            return "already held";
        }
        heldByB = held.tryLock().orElse(null);
        return heldByB != null ? "acquired" : "busy";
    }

    @Operation(nonParallelGroup = "b")
    public boolean releaseB() {
        if (heldByB == null) {
            return false;
        }
        heldByB.close();
        heldByB = null;
        return true;
    }

    @Operation
    public boolean isHeld() {
        return held.isLocked();
    }

    @Test
    void stress() {
        new StressOptions().threads(3).actorsPerThread(3).iterations(5).invocationsPerIteration(200)
                .sequentialSpecification(CounterAndHolder.class).check(MutexLincheckTest.class);
    }

    @Test
    void modelChecking() {
        new ModelCheckingOptions().threads(3).actorsPerThread(2).iterations(4).invocationsPerIteration(40)
                .sequentialSpecification(CounterAndHolder.class).check(MutexLincheckTest.class);
    }

    /** A counter, and who of A and B holds the {@code held} lock (null: nobody). */
    public static final class CounterAndHolder {
        private int count;
        private String holder;

        public int increment() {
            return ++count;
        }

        public int get() {
            return count;
        }

        public String tryLockA() {
            return tryLock("A");
        }

        public boolean releaseA() {
            return release("A");
        }

        public String tryLockB() {
            return tryLock("B");
        }

        public boolean releaseB() {
            return release("B");
        }

        public boolean isHeld() {
            return holder != null;
        }

        private String tryLock(String who) {
            if (who.equals(holder)) {
                return "already held";
            }
            if (holder != null) {
                return "busy";
            }
            holder = who;
            return "acquired";
        }

        private boolean release(String who) {
            if (!who.equals(holder)) {
                return false;
            }
            holder = null;
            return true;
        }
    }
}
