package dev.heddle.agent.test.jdk;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Correct: the barrier counts exactly the two workers, each waits on it for at most 5 s, and its action sums. */
public final class BarrierWithEveryParty implements ConcurrencyProgram {
    private final int[] halves = new int[2];
    private volatile int sum;

    @Override
    public void run() throws Exception {
        CyclicBarrier bothHalvesDone = new CyclicBarrier(2, () -> sum = halves[0] + halves[1]);
        ExecutorService pool = Executors.newCachedThreadPool();
        try {
            Future<?> left = pool.submit(() -> {
                halves[0] = 1 + 2;
                bothHalvesDone.await(5, TimeUnit.SECONDS);
                return null;
            });
            Future<?> right = pool.submit(() -> {
                halves[1] = 3 + 4;
                bothHalvesDone.await(5, TimeUnit.SECONDS);
                return null;
            });
            left.get(10, TimeUnit.SECONDS);
            right.get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdown();
        }
        if (sum != 10) {
            throw new AssertionError("sum 10 expected, was " + sum);
        }
    }
}
