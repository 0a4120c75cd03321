package dev.heddle.bench.bugs;

import dev.heddle.sim.FailureKind;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A page-view counter bumped by two request threads, each reading the count, doing some work
 * (a {@link Thread#yield()}, where a real thread may be preempted) and writing back what it
 * read plus one. Fixed: the work is done first and the count bumped atomically.
 */
final class LostUpdateWithYield {
    static final BugProgram PROGRAM = new BugProgram("lost-update-yield", BugKind.ATOMICITY_VIOLATION,
            FailureKind.TASK_FAILED,
            "two threads read a counter, yield, and write back the value read plus one: one increment is lost",
            Set.of(), sim -> run(false), sim -> run(true));

    /** The second request's parsing, before it records its view. */
    private static final int PARSE_STEPS = 2;

    private LostUpdateWithYield() {}

    /** The shared counter: a plain field in the buggy program, an atomic in the fixed one. */
    private static final class PageViews {
        int views;
        final AtomicInteger atomicViews = new AtomicInteger();

        void record(boolean fixed) {
            if (fixed) {
                Thread.yield();
                atomicViews.incrementAndGet();
            } else {
                int read = views;
                Thread.yield();
                views = read + 1;
            }
        }

        int total() {
            return views + atomicViews.get();
        }
    }

    private static void run(boolean fixed) throws Exception {
        PageViews counter = new PageViews();
        try (ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().factory())) {
            Future<?> first = threads.submit(() -> counter.record(fixed));
            Future<?> second = threads.submit(() -> {
                Work.steps(PARSE_STEPS);
                counter.record(fixed);
            });
            first.get();
            second.get();
        }
        if (counter.total() != 2) {
            throw new AssertionError("two page views were recorded but the counter reads " + counter.total());
        }
    }
}
