package dev.heddle.bench.bugs;

import dev.heddle.sim.FailureKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A list of subscribers in a plain {@link ArrayList}: one thread notifies each subscriber in
 * turn (a {@link Thread#yield()} per notification) while another subscribes, and the iterator
 * throws {@link java.util.ConcurrentModificationException}. Fixed: a
 * {@link CopyOnWriteArrayList}, whose iterators see a snapshot.
 */
final class IterationWhileModified {
    static final BugProgram PROGRAM = new BugProgram("iteration-while-modified", BugKind.ATOMICITY_VIOLATION,
            FailureKind.TASK_FAILED,
            "one thread iterates a plain ArrayList of subscribers while another adds one to it",
            Set.of(), sim -> run(false), sim -> run(true));

    /** The new subscriber's validation, before it is added. */
    private static final int VALIDATION_STEPS = 2;

    private IterationWhileModified() {}

    private static void run(boolean fixed) throws Exception {
        List<String> subscribers = fixed ? new CopyOnWriteArrayList<>() : new ArrayList<>();
        subscribers.add("alice");
        subscribers.add("bob");
        try (ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().factory())) {
            Future<List<String>> notifier = threads.submit(() -> {
                List<String> notified = new ArrayList<>();
                for (String subscriber : subscribers) {
                    notified.add(subscriber);
                    Thread.yield();
                }
                return notified;
            });
            Future<?> joiner = threads.submit(() -> {
                Work.steps(VALIDATION_STEPS);
                subscribers.add("carol");
            });
            notifier.get();
            joiner.get();
        }
    }
}
