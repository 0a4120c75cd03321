package dev.heddle.sync;

import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;

/**
 * A counter kept with plain reads and writes under the mutex must behave like an atomic one;
 * and {@code tryLock} must fail exactly while the lock is held across operations by the
 * holder's thread. The holder takes the lock with a waiting {@code lock()}: the probe holds it
 * for an instant inside its one operation, and a holder's {@code tryLock} failing on that
 * instant is correct behaviour that no sequential order of whole operations could explain.
 */
public class MutexLincheckTest {
    private final Mutex<int[]> counter = new Mutex<>(new int[1]);
    private final Mutex<String> held = new Mutex<>("held");
    private MutexGuard<String> holding;

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

    @Operation(nonParallelGroup = "holder")
    public boolean lockAndKeep() {
        if (holding != null) {
            return false;
        }
        holding = held.lock();
        return true;
    }

    @Operation(nonParallelGroup = "holder")
    public boolean release() {
        if (holding == null) {
            return false;
        }
        holding.close();
        holding = null;
        return true;
    }

    @Operation(nonParallelGroup = "probe")
    public boolean tryLockThenRelease() {
        return held.tryLock().map(g -> {
            g.close();
            return true;
        }).orElse(false);
    }

    @Operation
    public boolean isHeld() {
        return held.isLocked();
    }

    @Test
    void stress() {
        new StressOptions().threads(3).actorsPerThread(3).iterations(5).invocationsPerIteration(200)
                .check(MutexLincheckTest.class);
    }

    @Test
    void modelChecking() {
        new ModelCheckingOptions().threads(3).actorsPerThread(2).iterations(4).invocationsPerIteration(40)
                .check(MutexLincheckTest.class);
    }
}
