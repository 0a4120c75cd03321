package dev.heddle.agent.test.jdk;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Bug: the barrier is made for three parties but only two workers ever reach it, so both wait for ever. */
public final class BarrierPartyMismatch implements ConcurrencyProgram {
    private final int[] halves = new int[2];

    @Override
    public void run() throws Exception {
        CyclicBarrier bothHalvesDone = new CyclicBarrier(3);
        ExecutorService pool = Executors.newCachedThreadPool();
        try {
            Future<?> left = pool.submit(() -> {
                halves[0] = 1 + 2;
                bothHalvesDone.await();
                return null;
            });
            Future<?> right = pool.submit(() -> {
                halves[1] = 3 + 4;
                bothHalvesDone.await();
                return null;
            });
            left.get();
            right.get();
        } finally {
            pool.shutdownNow();
        }
        if (halves[0] + halves[1] != 10) {
            throw new AssertionError("sum 10 expected, was " + (halves[0] + halves[1]));
        }
    }
}
