package dev.heddle.agent.test.jdk;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Bug: a task of a single-thread pool waits for a task it queued behind itself on the same pool. */
public final class SingleThreadPoolDeadlock implements ConcurrencyProgram {
    @Override
    public void run() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> outer = pool.submit(() -> {
                Future<Integer> inner = pool.submit(() -> 21);
                return inner.get() * 2;
            });
            int answer = outer.get();
            if (answer != 42) {
                throw new AssertionError("42 expected, was " + answer);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
