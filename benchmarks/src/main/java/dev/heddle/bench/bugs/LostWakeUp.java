package dev.heddle.bench.bugs;

import dev.heddle.sim.FailureKind;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A start gate: a worker waits until the gate opens, and reads the flag outside the lock
 * before it waits. When the opener sets the flag and signals between the worker's read and
 * its wait (a {@link Thread#yield()} there), the signal finds nobody and the worker waits for
 * ever. Fixed: the flag is read under the lock, in the loop around the wait.
 */
final class LostWakeUp {
    static final BugProgram PROGRAM = new BugProgram("lost-wake-up", BugKind.LOST_WAKE_UP,
            FailureKind.DEADLOCK,
            "a worker reads the gate's flag outside the lock, then waits: a signal sent in between is lost",
            Set.of(), sim -> run(false), sim -> run(true));

    /** The opener's warm-up, before it opens the gate. */
    private static final int WARM_UP_STEPS = 2;

    private LostWakeUp() {}

    /** A gate that opens once. */
    private static final class Gate {
        final ReentrantLock lock = new ReentrantLock();
        final Condition opened = lock.newCondition();
        volatile boolean open;

        void open() {
            lock.lock();
            try {
                open = true;
                opened.signalAll();
            } finally {
                lock.unlock();
            }
        }

        void awaitOpen(boolean fixed) throws InterruptedException {
            if (fixed) {
                Thread.yield();
                lock.lock();
                try {
                    while (!open) {
                        opened.await();
                    }
                } finally {
                    lock.unlock();
                }
                return;
            }
            if (!open) {
                Thread.yield();
                lock.lock();
                try {
                    opened.await();
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    private static void run(boolean fixed) throws Exception {
        Gate gate = new Gate();
        try (ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().factory())) {
            Future<?> worker = threads.submit(() -> {
                gate.awaitOpen(fixed);
                return null;
            });
            Future<?> opener = threads.submit(() -> {
                Work.steps(WARM_UP_STEPS);
                gate.open();
            });
            opener.get();
            worker.get();
        }
    }
}
