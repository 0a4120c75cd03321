package dev.heddle.examples;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Tokio tutorial, "Spawning": start tasks that each take their time, then join them in the
 * order they were spawned. The total is known; the order the tasks finish in is not.
 */
public final class SpawnAndJoin {
    private SpawnAndJoin() {}

    /** Squares 1..n in n tasks, each "working" i milliseconds, and sums the squares. */
    public static long sumOfSquares(int n) {
        List<JoinHandle<Long>> handles = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            long x = i;
            handles.add(Heddle.spawn("square-" + i, () -> {
                Heddle.sleep(Duration.ofMillis(x));
                return x * x;
            }));
        }
        long sum = 0;
        for (JoinHandle<Long> h : handles) {
            sum += h.join();
        }
        return sum;
    }
}
