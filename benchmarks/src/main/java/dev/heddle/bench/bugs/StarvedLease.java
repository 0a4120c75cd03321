package dev.heddle.bench.bugs;

import dev.heddle.sim.FailureKind;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A worker holds a lease on a shared journal and beats a heartbeat as it writes; a watchdog
 * that sees no beat for {@value #MISSED_BEATS} of its rounds takes the lease over. The worker
 * never checks that it still holds the lease before it writes, so a worker that was only slow
 * writes after the takeover. The bug needs the worker starved for {@value #MISSED_BEATS} steps
 * in a row while the watchdog runs, which a uniformly random scheduler all but never does.
 * Fixed: the worker checks the lease before each write and stops once it lost it.
 */
final class StarvedLease {
    static final BugProgram PROGRAM = new BugProgram("starved-lease", BugKind.STARVATION,
            FailureKind.TASK_FAILED,
            "a worker starved for 50 steps loses its lease to the watchdog but goes on writing without checking",
            Set.of(), sim -> run(false), sim -> run(true));

    private static final int MISSED_BEATS = 50;
    private static final int WRITES = 60;
    private static final int WATCHDOG_ROUNDS = 120;

    private StarvedLease() {}

    /** The journal, its lease holder and the holder's heartbeat; the lock makes a check and a write one act. */
    private static final class Journal {
        final ReentrantLock lock = new ReentrantLock();
        final AtomicReference<String> holder = new AtomicReference<>("worker");
        final AtomicLong heartbeat = new AtomicLong();

        /** Writes as {@code writer}, who must hold the lease. */
        void write(String writer) {
            if (!holder.get().equals(writer)) {
                throw new AssertionError(writer + " wrote to the journal while " + holder.get() + " held the lease");
            }
        }

        /** The fixed worker's write: only while it holds the lease; false once it lost it. */
        boolean writeIfHolder(String writer) {
            lock.lock();
            try {
                if (!holder.get().equals(writer)) {
                    return false;
                }
                write(writer);
                return true;
            } finally {
                lock.unlock();
            }
        }

        void takeOver(String newHolder) {
            lock.lock();
            try {
                holder.set(newHolder);
                write(newHolder);
            } finally {
                lock.unlock();
            }
        }
    }

    private static void work(Journal journal, boolean fixed) {
        for (int i = 0; i < WRITES; i++) {
            if (fixed) {
                if (!journal.writeIfHolder("worker")) {
                    return;
                }
            } else {
                journal.write("worker");
            }
            journal.heartbeat.incrementAndGet();
            Thread.yield();
        }
    }

    private static void watch(Journal journal) {
        long lastBeat = journal.heartbeat.get();
        int missed = 0;
        for (int round = 0; round < WATCHDOG_ROUNDS; round++) {
            Thread.yield();
            long beat = journal.heartbeat.get();
            missed = beat == lastBeat ? missed + 1 : 0;
            lastBeat = beat;
            if (missed == MISSED_BEATS) {
                journal.takeOver("watchdog");
                return;
            }
        }
    }

    private static void run(boolean fixed) throws Exception {
        Journal journal = new Journal();
        try (ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().factory())) {
            Future<?> worker = threads.submit(() -> work(journal, fixed));
            Future<?> watchdog = threads.submit(() -> watch(journal));
            worker.get();
            watchdog.get();
        }
    }
}
