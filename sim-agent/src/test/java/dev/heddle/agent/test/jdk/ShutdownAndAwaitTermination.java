package dev.heddle.agent.test.jdk;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Correct: the results are read after shutdown() and awaitTermination(5 s), once every task has run. */
public final class ShutdownAndAwaitTermination implements ConcurrencyProgram {
    private final ConcurrentLinkedQueue<Integer> squares = new ConcurrentLinkedQueue<>();

    @Override
    public void run() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        for (int i = 1; i <= 3; i++) {
            int n = i;
            pool.execute(() -> squares.add(n * n));
        }
        pool.shutdown();
        if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
            throw new AssertionError("the pool did not terminate within 5 s");
        }
        if (squares.size() != 3) {
            throw new AssertionError("3 squares expected, " + squares.size() + " there: " + squares);
        }
    }
}
