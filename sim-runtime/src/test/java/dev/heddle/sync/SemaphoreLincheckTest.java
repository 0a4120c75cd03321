package dev.heddle.sync;

import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;

/**
 * Three semaphores: {@code counting} must behave as a permit counter (a kept tryAcquire takes
 * one, addPermits adds one, forgetPermits takes what it can, availablePermits tells how many
 * are free); {@code exclusive} guards a pair of plain fields written with all its permits and
 * read with one, which must never be seen half-written, also by a writer that gives back all
 * but one permit by a split; {@code closable} must fail every try-acquire once closed,
 * whatever permits it has.
 */
public class SemaphoreLincheckTest {
    private static final int PERMITS = 2;
    private final Semaphore counting = new Semaphore(1);
    private final Semaphore exclusive = new Semaphore(PERMITS);
    private final int[] pair = new int[2];
    private final Semaphore closable = new Semaphore(1);

    @Operation
    public boolean tryAcquireAndKeep() {
        return counting.tryAcquire().map(p -> {
            p.forget();
            return true;
        }).orElse(false);
    }

    @Operation
    public void addPermit() {
        counting.addPermits(1);
    }

    /** Takes up to two free permits away: returns how many it took. */
    @Operation
    public int forgetTwoPermits() {
        return counting.forgetPermits(2);
    }

    @Operation
    public int countingPermits() {
        return counting.availablePermits();
    }

    @Operation
    public int writeWithAllPermits() {
        try (SemaphorePermit p = exclusive.acquire(PERMITS)) {
            int next = pair[0] + 1;
            pair[0] = next;
            pair[1] = next;
            return next;
        }
    }

    /**
     * Writes with all permits, then returns all but one by a split and reads back while holding
     * that one: no writer may come in between, so it reads what it wrote.
     */
    @Operation
    public int writeThenKeepOnePermit() {
        try (SemaphorePermit p = exclusive.acquire(PERMITS)) {
            int next = pair[0] + 1;
            pair[0] = next;
            pair[1] = next;
            p.split(PERMITS - 1).orElseThrow().close();
            return pair[0] == next && pair[1] == next ? next : -1;
        }
    }

    @Operation
    public int readWithOnePermit() {
        try (SemaphorePermit p = exclusive.acquire()) {
            return pair[0] == pair[1] ? pair[0] : -1;
        }
    }

    /** Reads only if a permit is free at once; returns -1 only for a half-written pair, so any interleaving gives 0. */
    @Operation
    public int tryReadWithOnePermit() {
        return exclusive.tryAcquire().map(p -> {
            try (p) {
                return pair[0] == pair[1] ? 0 : -1;
            }
        }).orElse(0);
    }

    @Operation
    public String tryAcquireClosable() {
        try {
            return closable.tryAcquire().map(p -> {
                p.forget();
                return "acquired";
            }).orElse("none free");
        } catch (SemaphoreClosedException e) {
            return "closed";
        }
    }

    @Operation
    public void addPermitToClosable() {
        closable.addPermits(1);
    }

    @Operation
    public void closeClosable() {
        closable.close();
    }

    @Test
    void stress() {
        new StressOptions().threads(3).actorsPerThread(3).iterations(5).invocationsPerIteration(200)
                .sequentialSpecification(PermitCounters.class).check(SemaphoreLincheckTest.class);
    }

    @Test
    void modelChecking() {
        new ModelCheckingOptions().threads(3).actorsPerThread(2).iterations(4).invocationsPerIteration(40)
                .sequentialSpecification(PermitCounters.class).check(SemaphoreLincheckTest.class);
    }

    /** Permit counters for {@code counting} and {@code closable} (plus its closed flag), and the pair's write count. */
    public static final class PermitCounters {
        private int countingPermits = 1;
        private int writes;
        private int closablePermits = 1;
        private boolean closableClosed;

        public boolean tryAcquireAndKeep() {
            if (countingPermits == 0) {
                return false;
            }
            countingPermits--;
            return true;
        }

        public void addPermit() {
            countingPermits++;
        }

        public int forgetTwoPermits() {
            int taken = Math.min(2, countingPermits);
            countingPermits -= taken;
            return taken;
        }

        public int countingPermits() {
            return countingPermits;
        }

        public int writeWithAllPermits() {
            return ++writes;
        }

        public int writeThenKeepOnePermit() {
            return ++writes;
        }

        public int readWithOnePermit() {
            return writes;
        }

        public int tryReadWithOnePermit() {
            return 0;
        }

        public String tryAcquireClosable() {
            if (closableClosed) {
                return "closed";
            }
            if (closablePermits == 0) {
                return "none free";
            }
            closablePermits--;
            return "acquired";
        }

        public void addPermitToClosable() {
            closablePermits++;
        }

        public void closeClosable() {
            closableClosed = true;
        }
    }
}
