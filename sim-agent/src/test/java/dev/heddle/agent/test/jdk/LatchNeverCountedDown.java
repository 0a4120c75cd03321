package dev.heddle.agent.test.jdk;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bug: a task counts the latch down only when its parse succeeds, so one bad input leaves the main thread waiting.
 * The tasks are submitted, so the parse's exception is kept in a future nobody reads, as often in real code.
 */
public final class LatchNeverCountedDown implements ConcurrencyProgram {
    private final AtomicInteger sum = new AtomicInteger();

    @Override
    public void run() throws Exception {
        List<String> inputs = List.of("1", "2", "three");
        CountDownLatch done = new CountDownLatch(inputs.size());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        for (String input : inputs) {
            pool.submit(() -> {
                sum.addAndGet(Integer.parseInt(input));
                done.countDown();
            });
        }
        done.await();
        pool.shutdown();
        if (sum.get() != 3) {
            throw new AssertionError("sum 3 expected, was " + sum.get());
        }
    }
}
