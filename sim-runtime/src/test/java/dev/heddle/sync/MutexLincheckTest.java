package dev.heddle.sync;

import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;

/** A counter kept with plain reads and writes under the mutex must behave like an atomic one. */
public class MutexLincheckTest {
    private final Mutex<int[]> counter = new Mutex<>(new int[1]);

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
