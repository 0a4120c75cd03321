package dev.heddle.agent.test.jdk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Correct: a synchronized list, iterated inside synchronized (list) as its Javadoc asks. */
public final class SynchronizedIteration implements ConcurrencyProgram {
    private final List<Integer> prices = Collections.synchronizedList(new ArrayList<>(List.of(1, 2, 3)));
    private volatile int total;

    @Override
    public void run() throws Exception {
        Thread auditor = new Thread(() -> {
            int sum = 0;
            synchronized (prices) {
                for (int p : prices) {
                    sum += p;
                }
            }
            total = sum;
        }, "auditor");
        Thread seller = new Thread(() -> prices.add(4), "seller");
        auditor.start();
        seller.start();
        auditor.join(5_000);
        seller.join(5_000);
        if ((total != 6 && total != 10) || prices.size() != 4) {
            throw new AssertionError("total " + total + " is neither 6 nor 10, or " + prices.size() + " prices");
        }
    }
}
