package dev.heddle.agent.test.jdk;

import java.util.ArrayList;
import java.util.List;

/** Bug: one thread sums an ArrayList while another appends to it, with no lock: the iteration may fail. */
public final class UnsynchronizedIteration implements ConcurrencyProgram {
    private final List<Integer> prices = new ArrayList<>(List.of(1, 2, 3));
    private volatile Throwable failure;

    @Override
    public void run() throws Exception {
        Thread auditor = new Thread(() -> {
            try {
                int total = 0;
                for (int p : prices) {
                    total += p;
                }
                if (total < 6) {
                    throw new AssertionError("total " + total + " below the 6 there from the start");
                }
            } catch (Throwable e) {
                failure = e;
            }
        }, "auditor");
        Thread seller = new Thread(() -> prices.add(4), "seller");
        auditor.start();
        seller.start();
        auditor.join();
        seller.join();
        if (failure != null) {
            throw new AssertionError("the auditor failed: " + failure, failure);
        }
    }
}
