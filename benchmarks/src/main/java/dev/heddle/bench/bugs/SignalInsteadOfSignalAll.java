package dev.heddle.bench.bugs;

import dev.heddle.sim.FailureKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A one-slot buffer whose producers and consumers wait on one condition, in correct
 * {@code while} loops, but wake one waiter with {@code signal()}: that one may be of the
 * signaller's own kind, which goes back to waiting, and the signal that the other kind needed
 * is lost; once every thread waits, the program hangs. Fixed: {@code signalAll()}.
 */
final class SignalInsteadOfSignalAll {
    static final BugProgram PROGRAM = new BugProgram("signal-instead-of-signal-all", BugKind.LOST_WAKE_UP,
            FailureKind.DEADLOCK,
            "producers and consumers share one condition and wake one waiter: a producer may wake a producer",
            Set.of(), sim -> run(false), sim -> run(true));

    private static final int PRODUCERS = 2;
    private static final int CONSUMERS = 2;
    private static final int ITEMS_EACH = 2;

    private SignalInsteadOfSignalAll() {}

    /** A buffer of one slot with one condition for "the slot changed". */
    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock();
        final Condition changed = lock.newCondition();
        Integer item;

        void put(int value, boolean fixed) throws InterruptedException {
            lock.lock();
            try {
                while (item != null) {
                    changed.await();
                }
                item = value;
                wake(fixed);
            } finally {
                lock.unlock();
            }
        }

        int take(boolean fixed) throws InterruptedException {
            lock.lock();
            try {
                while (item == null) {
                    changed.await();
                }
                int taken = item;
                item = null;
                wake(fixed);
                return taken;
            } finally {
                lock.unlock();
            }
        }

        private void wake(boolean fixed) {
            if (fixed) {
                changed.signalAll();
            } else {
                changed.signal();
            }
        }
    }

    private static void run(boolean fixed) throws Exception {
        Slot slot = new Slot();
        List<Future<?>> all = new ArrayList<>();
        try (ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().factory())) {
            for (int p = 0; p < PRODUCERS; p++) {
                int producer = p;
                all.add(threads.submit(() -> {
                    for (int i = 0; i < ITEMS_EACH; i++) {
                        slot.put(producer * ITEMS_EACH + i, fixed);
                    }
                    return null;
                }));
            }
            for (int c = 0; c < CONSUMERS; c++) {
                all.add(threads.submit(() -> {
                    for (int i = 0; i < ITEMS_EACH; i++) {
                        slot.take(fixed);
                    }
                    return null;
                }));
            }
            for (Future<?> thread : all) {
                thread.get();
            }
        }
    }
}
