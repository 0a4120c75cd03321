package dev.heddle.bench.bugs;

import dev.heddle.sim.FailureKind;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The textbook data race: two threads run {@code hits = hits + 1} on a plain field. Nothing
 * suspends between the read and the write, so only scheduling points at field accesses (the
 * agent) can put the other thread there. Fixed: an {@link AtomicInteger}.
 */
final class LostUpdatePlain {
    static final BugProgram PROGRAM = new BugProgram("lost-update-plain", BugKind.ATOMICITY_VIOLATION,
            FailureKind.TASK_FAILED,
            "two threads run hits = hits + 1 on a plain field with nothing between the read and the write",
            Set.of(Feature.AGENT), sim -> run(false), sim -> run(true));

    private LostUpdatePlain() {}

    /** The shared counter: a plain field in the buggy program, an atomic in the fixed one. */
    private static final class Hits {
        int hits;
        final AtomicInteger atomicHits = new AtomicInteger();

        void hit(boolean fixed) {
            if (fixed) {
                atomicHits.incrementAndGet();
            } else {
                hits = hits + 1;
            }
        }

        int total() {
            return hits + atomicHits.get();
        }
    }

    private static void run(boolean fixed) throws Exception {
        Hits counter = new Hits();
        try (ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().factory())) {
            Future<?> first = threads.submit(() -> counter.hit(fixed));
            Future<?> second = threads.submit(() -> counter.hit(fixed));
            first.get();
            second.get();
        }
        if (counter.total() != 2) {
            throw new AssertionError("two hits were counted but the counter reads " + counter.total());
        }
    }
}
