package dev.heddle.agent.test.jdk;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Bug: the results are read right after shutdown(), which does not wait for the submitted tasks to finish. */
public final class ShutdownWithoutAwait implements ConcurrencyProgram {
    private final ConcurrentLinkedQueue<Integer> squares = new ConcurrentLinkedQueue<>();

    @Override
    public void run() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        for (int i = 1; i <= 3; i++) {
            int n = i;
            pool.execute(() -> squares.add(n * n));
        }
        pool.shutdown();
        if (squares.size() != 3) {
            throw new AssertionError("3 squares expected, " + squares.size() + " there: " + squares);
        }
    }
}
