package dev.heddle.bench.bugs;

import dev.heddle.sim.FailureKind;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Latency statistics kept in two atomics, a count and a sum, each updated atomically but not
 * together: a reader between the two updates (a {@link Thread#yield()} there) sees a count that
 * does not match the sum. Fixed: both in one immutable snapshot swapped atomically.
 */
final class TwoAtomics {
    static final BugProgram PROGRAM = new BugProgram("two-atomics", BugKind.ATOMICITY_VIOLATION,
            FailureKind.TASK_FAILED,
            "a count and a sum are two atomics updated one after the other: a reader sees them disagree",
            Set.of(), sim -> run(false), sim -> run(true));

    private static final long LATENCY = 10;
    private static final int SAMPLES = 3;
    /** The dashboard's drawing between two reads. */
    private static final int RENDER_STEPS = 3;

    private TwoAtomics() {}

    /** A count and a sum, read together. */
    private record Snapshot(long count, long sum) {}

    /** The statistics: two atomics in the buggy program, one snapshot in the fixed one. */
    private static final class Stats {
        final AtomicLong count = new AtomicLong();
        final AtomicLong sum = new AtomicLong();
        final AtomicReference<Snapshot> snapshot = new AtomicReference<>(new Snapshot(0, 0));

        void record(long latency, boolean fixed) {
            if (fixed) {
                Thread.yield();
                snapshot.updateAndGet(s -> new Snapshot(s.count() + 1, s.sum() + latency));
                return;
            }
            count.incrementAndGet();
            Thread.yield();
            sum.addAndGet(latency);
        }

        Snapshot read(boolean fixed) {
            return fixed ? snapshot.get() : new Snapshot(count.get(), sum.get());
        }
    }

    private static void run(boolean fixed) throws Exception {
        Stats stats = new Stats();
        try (ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().factory())) {
            Future<?> recorder = threads.submit(() -> {
                for (int i = 0; i < SAMPLES; i++) {
                    stats.record(LATENCY, fixed);
                }
            });
            Future<?> dashboard = threads.submit(() -> {
                for (int i = 0; i < SAMPLES; i++) {
                    Work.steps(RENDER_STEPS);
                    Snapshot seen = stats.read(fixed);
                    if (seen.sum() != seen.count() * LATENCY) {
                        throw new AssertionError("the dashboard saw count=" + seen.count() + " sum=" + seen.sum()
                                + " for samples of " + LATENCY + " each");
                    }
                }
            });
            recorder.get();
            dashboard.get();
        }
    }
}
