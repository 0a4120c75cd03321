package dev.heddle.agent.test.jdk;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Correct: the second stage is chained on the first instead of a task blocking on a task queued behind it. */
public final class SingleThreadPoolChained implements ConcurrencyProgram {
    @Override
    public void run() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<Integer> answer = CompletableFuture.supplyAsync(() -> 21, pool)
                    .thenApplyAsync(half -> half * 2, pool);
            int got = answer.get(5, TimeUnit.SECONDS);
            if (got != 42) {
                throw new AssertionError("42 expected, was " + got);
            }
        } finally {
            pool.shutdown();
        }
        if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
            throw new AssertionError("the pool did not terminate within 5 s");
        }
    }
}
