package dev.heddle.sync;

import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;

/**
 * A pair of plain fields written under the write lock must never be seen half-written under the
 * read lock, with two readers at most at once (so three threads also meet the reader limit), and
 * a writer that downgrades must read back what it wrote: no writer comes in between.
 */
public class RwLockLincheckTest {
    private final RwLock<int[]> pair = new RwLock<>(new int[2], 2);

    @Operation
    public int write() {
        try (RwLockWriteGuard<int[]> w = pair.write()) {
            int next = w.get()[0] + 1;
            w.get()[0] = next;
            w.get()[1] = next;
            return next;
        }
    }

    @Operation
    public int writeThenDowngrade() {
        RwLockWriteGuard<int[]> w = pair.write();
        int next = w.get()[0] + 1;
        w.get()[0] = next;
        w.get()[1] = next;
        try (RwLockReadGuard<int[]> r = w.downgrade()) {
            int[] p = r.get();
            return p[0] == next && p[1] == next ? next : -1;
        }
    }

    @Operation
    public int read() {
        try (RwLockReadGuard<int[]> r = pair.read()) {
            int[] p = r.get();
            return p[0] == p[1] ? p[0] : -1;
        }
    }

    /** Reads only if the read lock is free at once; -1 only for a half-written pair, so any interleaving gives 0. */
    @Operation
    public int tryRead() {
        return pair.tryRead().map(r -> {
            try (r) {
                int[] p = r.get();
                return p[0] == p[1] ? 0 : -1;
            }
        }).orElse(0);
    }

    @Test
    void stress() {
        new StressOptions().threads(3).actorsPerThread(3).iterations(5).invocationsPerIteration(200)
                .sequentialSpecification(WriteCounter.class).check(RwLockLincheckTest.class);
    }

    @Test
    void modelChecking() {
        new ModelCheckingOptions().threads(3).actorsPerThread(2).iterations(4).invocationsPerIteration(40)
                .sequentialSpecification(WriteCounter.class).check(RwLockLincheckTest.class);
    }

    /** The pair as one counter: a write increments it, a read sees it whole, a try-read sees no half-written pair. */
    public static final class WriteCounter {
        private int writes;

        public int write() {
            return ++writes;
        }

        public int writeThenDowngrade() {
            return ++writes;
        }

        public int read() {
            return writes;
        }

        public int tryRead() {
            return 0;
        }
    }
}
