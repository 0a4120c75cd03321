package dev.heddle.agent.test.jdk;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Correct: each task counts the latch down in a finally block, and the main thread awaits it for at most 5 s. */
public final class LatchCountedDownInFinally implements ConcurrencyProgram {
    private final AtomicInteger sum = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();

    @Override
    public void run() throws Exception {
        List<String> inputs = List.of("1", "2", "three");
        CountDownLatch done = new CountDownLatch(inputs.size());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        for (String input : inputs) {
            pool.execute(() -> {
                try {
                    sum.addAndGet(Integer.parseInt(input));
                } catch (NumberFormatException e) {
                    rejected.incrementAndGet();
                } finally {
                    done.countDown();
                }
            });
        }
        boolean all = done.await(5, TimeUnit.SECONDS);
        pool.shutdown();
        if (!all || sum.get() != 3 || rejected.get() != 1) {
            throw new AssertionError("all counted " + all + ", sum " + sum.get() + ", rejected " + rejected.get());
        }
        if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
            throw new AssertionError("the pool did not terminate within 5 s");
        }
    }
}
